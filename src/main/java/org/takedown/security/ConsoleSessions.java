package org.takedown.security;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.takedown.audit.AuditLog;
import org.takedown.common.DeterministicJson;

/**
 * Console sessions: opened at login, resolved on every console request (idle and absolute timeouts enforced here, on
 * the server), closed at logout. A session of an embedded user who no longer exists resolves to nothing.
 */
@ApplicationScoped
public class ConsoleSessions {

    /** Writing the last use on every request would cost a write per click; a minute's precision is enough. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final SecureRandom random = new SecureRandom();

    @Inject
    ConsoleSessionConfig config;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    /** A new session's token (for the cookie) and its CSRF token. */
    public record Opened(String token, String csrfToken) {}

    /** A live session: who, with which roles now, and the CSRF token their pages carry. */
    public record Active(String username, List<String> roles, String csrfToken) {}

    @Transactional
    public Opened open(String username) {
        return open(username, null, "password");
    }

    /**
     * A session for someone the identity provider signed in: their roles are the provider's, kept for the session
     * (at most the absolute timeout: a change at the provider applies at the next sign-in).
     */
    @Transactional
    public Opened openExternal(String username, Collection<String> roles) {
        return open(username, String.join(",", roles), "oidc");
    }

    private Opened open(String username, String externalRoles, String via) {
        ConsoleSession session = new ConsoleSession();
        String token = randomToken();
        session.tokenHash = hash(token);
        session.username = username;
        session.csrfToken = randomToken();
        // Milliseconds, as stored by every database: a rounded-up stored time would lengthen the session.
        session.createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        session.lastSeenAt = session.createdAt;
        session.roles = externalRoles;
        session.persist();
        audit.record(username, "CONSOLE_SIGNED_IN", "user", username, Map.of("via", via));
        return new Opened(token, session.csrfToken);
    }

    @Transactional
    public Optional<Active> resolve(String token) {
        ConsoleSession session = ConsoleSession.findById(hash(token));
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<List<String>> roles = session.roles != null
                ? Optional.of(Arrays.stream(session.roles.split(","))
                        .filter(r -> !r.isBlank())
                        .toList())
                : UserAccount.findByUsername(session.username).map(UserAccount::roleList);
        if (expired(session, now) || roles.isEmpty()) {
            session.delete();
            return Optional.empty();
        }
        if (Duration.between(session.lastSeenAt, now).compareTo(TOUCH_EVERY) >= 0) {
            session.lastSeenAt = now.truncatedTo(ChronoUnit.MILLIS);
        }
        return Optional.of(new Active(session.username, roles.get(), session.csrfToken));
    }

    /** Logout: the session ends at once, on every replica. */
    @Transactional
    public void close(String token) {
        ConsoleSession session = ConsoleSession.findById(hash(token));
        if (session != null) {
            session.delete();
            audit.record(session.username, "CONSOLE_SIGNED_OUT", "user", session.username, Map.of());
        }
    }

    /** Ends every session of a user (removed, or their password or roles changed). */
    @Transactional
    public long closeAllOf(String username) {
        return ConsoleSession.delete("username", username);
    }

    @Scheduled(
            every = "10m",
            identity = "console-session-purge",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purgeExpired() {
        Instant now = clock.instant();
        ConsoleSession.delete(
                "lastSeenAt < ?1 or createdAt < ?2",
                now.minus(config.idleTimeout()),
                now.minus(config.absoluteTimeout()));
    }

    private boolean expired(ConsoleSession session, Instant now) {
        return !now.isBefore(session.lastSeenAt.plus(config.idleTimeout()))
                || !now.isBefore(session.createdAt.plus(config.absoluteTimeout()));
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        return DeterministicJson.sha256Hex(token);
    }
}
