package org.takedown.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing at the console's sign-in: after {@link #USER_LIMIT} failures within {@link #WINDOW} for a
 * user name, or {@link #ADDRESS_LIMIT} from one address (higher: many officers may share one), further attempts are
 * refused until the oldest of them leaves the window. Per replica (an attacker spread over the replicas gets that many
 * tries on each); a success clears the user name's count.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int USER_LIMIT = 5;
    static final int ADDRESS_LIMIT = 30;
    static final Duration WINDOW = Duration.ofMinutes(15);
    /** Bounds the memory an attacker can make this hold. */
    private static final int MAX_KEYS = 100_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    @Inject
    Clock clock;

    /** How long this user name or address must wait before trying again; zero when it may try now. */
    public Duration wait(String username, String address) {
        Instant now = clock.instant();
        Duration byUser = waitFor("user:" + username, USER_LIMIT, now);
        Duration byAddress = waitFor("address:" + address, ADDRESS_LIMIT, now);
        return byUser.compareTo(byAddress) >= 0 ? byUser : byAddress;
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_KEYS) {
            failures.entrySet().removeIf(e -> recent(e.getValue(), now).isEmpty());
        }
        record("user:" + username, now);
        record("address:" + address, now);
    }

    public void succeeded(String username) {
        failures.remove("user:" + username);
    }

    private Duration waitFor(String key, int limit, Instant now) {
        Deque<Instant> recent = failures.get(key);
        if (recent == null) {
            return Duration.ZERO;
        }
        synchronized (recent) {
            recent(recent, now);
            return recent.size() < limit ? Duration.ZERO : Duration.between(now, recent.peekFirst().plus(WINDOW));
        }
    }

    private void record(String key, Instant now) {
        Deque<Instant> recent = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (recent) {
            recent(recent, now).addLast(now);
        }
    }

    private static Deque<Instant> recent(Deque<Instant> times, Instant now) {
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().plus(WINDOW).isAfter(now)) {
                times.pollFirst();
            }
            return times;
        }
    }
}
