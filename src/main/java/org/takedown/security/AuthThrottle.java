package org.takedown.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.takedown.audit.AuditLog;
import org.takedown.logging.LogValueEscaping;

/**
 * Slows password and token guessing, for the API and the console's sign-in alike. Failed attempts are counted per
 * user name from one client address ({@code failuresPerUserAndClient}), per client address ({@code failuresPerClient},
 * higher: officers may share one) and per user name from anywhere ({@code failuresPerUser}, for guessing spread over
 * many addresses), each within {@code failureWindow}; past a limit, attempts are refused unchecked until the oldest
 * failure leaves the window. A success clears its user name's count from that client. Counting is per replica (an
 * attacker spread over the replicas gets that many tries on each). Entering a throttle is audited, once per window.
 */
@ApplicationScoped
public class AuthThrottle {

    private static final Logger LOG = Logger.getLogger(AuthThrottle.class);
    /** Bounds the memory an attacker can make this hold. */
    private static final int MAX_KEYS = 100_000;

    static final String ACTOR = "system:auth";

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    /** When each throttled key was last audited, so an attacker cannot flood the audit log. */
    private final Map<String, Instant> audited = new ConcurrentHashMap<>();

    @Inject
    SecurityConfig config;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    private Duration window;
    private List<Limit> limits;

    private record Limit(String name, int failures) {}

    @PostConstruct
    void init() {
        window = config.auth().failureWindow();
        limits = List.of(
                new Limit("user-and-client", config.auth().failuresPerUserAndClient()),
                new Limit("client", config.auth().failuresPerClient()),
                new Limit("user", config.auth().failuresPerUser()));
    }

    /** How long this user name (null for a token) from this client must wait; zero when it may try now. */
    public Duration wait(String username, String client) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        List<String> keys = keys(username, client);
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            Duration wait =
                    key == null ? Duration.ZERO : waitFor(key, limits.get(i).failures(), now);
            if (!wait.isZero()) {
                auditOnce(key, limits.get(i), username, client, now);
                longest = wait.compareTo(longest) > 0 ? wait : longest;
            }
        }
        return longest;
    }

    public void failed(String username, String client) {
        Instant now = clock.instant();
        if (failures.size() > MAX_KEYS) {
            failures.entrySet().removeIf(e -> recent(e.getValue(), now).isEmpty());
            audited.entrySet().removeIf(e -> !e.getValue().plus(window).isAfter(now));
        }
        for (String key : keys(username, client)) {
            if (key != null) {
                record(key, now);
            }
        }
    }

    public void succeeded(String username, String client) {
        if (username != null) {
            failures.remove("user-and-client:" + username + "@" + network(client));
        }
    }

    /**
     * The keys in the order of {@link #limits}. A token (no user name) is counted apart from passwords, by client only:
     * a forgotten script with an expired token must not lock the officers of its office out of signing in.
     */
    private static List<String> keys(String username, String client) {
        String network = network(client);
        return username == null
                ? java.util.Arrays.asList(null, "token-client:" + network, null)
                : List.of("user-and-client:" + username + "@" + network, "client:" + network, "user:" + username);
    }

    /** A client as the throttle counts it: an IPv4 address, or the /64 of an IPv6 address (one holder has them all). */
    static String network(String client) {
        if (client == null || client.indexOf(':') < 0) {
            return client;
        }
        try {
            byte[] address = java.net.InetAddress.getByName(
                            client.startsWith("[") ? client.substring(1, client.length() - 1) : client)
                    .getAddress();
            return address.length == 16 ? java.util.HexFormat.of().formatHex(address, 0, 8) + "::/64" : client;
        } catch (java.net.UnknownHostException e) {
            return client;
        }
    }

    private void auditOnce(String key, Limit limit, String username, String client, Instant now) {
        boolean[] first = {false};
        audited.compute(key, (k, last) -> {
            first[0] = last == null || !last.plus(window).isAfter(now);
            return first[0] ? now : last;
        });
        if (!first[0]) {
            return;
        }
        LOG.warnf(
                "Too many failed sign-ins (%s limit, %d in %s) for '%s' from %s: refused until the window passes",
                limit.name(),
                limit.failures(),
                window,
                LogValueEscaping.escape(username == null ? "(token)" : username),
                client);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("limit", limit.name());
        summary.put("failures", limit.failures());
        summary.put("window", window.toString());
        summary.put("client", client);
        QuarkusTransaction.requiringNew()
                .run(() -> audit.record(
                        ACTOR, "SIGN_IN_THROTTLED", "user", username == null ? "(token)" : username, summary));
    }

    private Duration waitFor(String key, int limit, Instant now) {
        Deque<Instant> recent = failures.get(key);
        if (recent == null) {
            return Duration.ZERO;
        }
        synchronized (recent) {
            recent(recent, now);
            return recent.size() < limit
                    ? Duration.ZERO
                    : Duration.between(now, recent.peekFirst().plus(window));
        }
    }

    private void record(String key, Instant now) {
        Deque<Instant> recent = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (recent) {
            recent(recent, now).addLast(now);
        }
    }

    private Deque<Instant> recent(Deque<Instant> times, Instant now) {
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
                times.pollFirst();
            }
            return times;
        }
    }
}
