package org.takedown.security;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.takedown.audit.AuditLog;
import org.takedown.common.DeterministicJson;
import org.takedown.common.ProblemException;

/**
 * API tokens for scripts, so that automation never sends a password: created by a signed-in officer for some of their
 * own roles, shown once, stored as a SHA-256 only, expiring, revocable by their owner or an admin; creation and
 * revocation are audited. A token of an embedded user acts with the roles it was given that the user still has, and not
 * at all once the user is removed or their password changed (which revokes them).
 */
@ApplicationScoped
public class ApiTokenService {

    static final String ENTITY = "api_token";
    /** Tokens start with this, so a leaked one is recognisable (and a bearer token that is not one goes to OIDC). */
    public static final String PREFIX = "tdk_";

    static final int DEFAULT_DAYS = 90;
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final SecureRandom random = new SecureRandom();

    @Inject
    AuditLog audit;

    @Inject
    SecurityConfig config;

    @Inject
    Clock clock;

    /** A new token: its record, and the token itself, which is never shown again. */
    public record Created(ApiToken token, String secret) {}

    /** Who a valid token acts for, and with which roles now. */
    public record Bearer(long tokenId, String username, Set<String> roles) {}

    @Transactional
    public Created create(String actor, Set<String> actorRoles, TokenRequest request) {
        if (UserAccount.findByUsername(actor).isEmpty()) {
            // Nothing here could check such a token's owner again later: an OIDC user uses the provider's own tokens.
            throw ProblemException.forbidden(
                    "API tokens are for embedded users; signed in through OIDC, use the provider's access tokens");
        }
        Set<String> roles = new LinkedHashSet<>(request.roles());
        if (!actorRoles.containsAll(roles)) {
            roles.removeAll(actorRoles);
            throw ProblemException.invalidField(
                    400, "roles", "must be roles you have yourself; you do not have " + roles);
        }
        int days = request.expiresInDays() == null ? DEFAULT_DAYS : request.expiresInDays();
        Duration lifetime = Duration.ofDays(days);
        if (lifetime.compareTo(config.auth().tokenMaxLifetime()) > 0) {
            throw ProblemException.invalidField(
                    400,
                    "expiresInDays",
                    "must be at most " + config.auth().tokenMaxLifetime().toDays());
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = new ApiToken();
        token.tokenHash = hash(secret);
        token.username = actor;
        token.embedded = true;
        token.name = request.name().strip();
        token.roles = String.join(",", roles);
        token.createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        token.expiresAt = token.createdAt.plus(lifetime);
        token.persist();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("name", token.name);
        summary.put("roles", token.roleList());
        summary.put("expiresAt", token.expiresAt.toString());
        audit.record(actor, "API_TOKEN_CREATED", ENTITY, token.id, summary);
        return new Created(token, secret);
    }

    /** The tokens of one user, or of everyone ({@code username} null), newest first. */
    public List<ApiToken> list(String username) {
        return username == null
                ? ApiToken.listAll(Sort.descending("id"))
                : ApiToken.list("username", Sort.descending("id"), username);
    }

    /** Revokes a token; only its owner or an admin may. */
    @Transactional
    public ApiToken revoke(String actor, boolean admin, long id) {
        ApiToken token = ApiToken.findById(id);
        if (token == null || !admin && !token.username.equals(actor)) {
            throw ProblemException.notFound("API token " + id);
        }
        if (token.revokedAt == null) {
            token.revokedAt = clock.instant();
            token.revokedBy = actor;
            audit.record(
                    actor, "API_TOKEN_REVOKED", ENTITY, token.id, Map.of("name", token.name, "owner", token.username));
        }
        return token;
    }

    /** Revokes every token of a user (removed, or their password changed); in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int revokeAllOf(String actor, String username, String why) {
        int revoked = ApiToken.update(
                "revokedAt = ?1, revokedBy = ?2 where username = ?3 and revokedAt is null",
                clock.instant(),
                actor,
                username);
        if (revoked > 0) {
            audit.record(actor, "API_TOKENS_REVOKED", "user", username, Map.of("count", revoked, "why", why));
        }
        return revoked;
    }

    /** Who the token acts for, if it is valid now; its roles cut to those its embedded user still has. */
    @Transactional
    public Optional<Bearer> resolve(String secret) {
        // Read only: the token row is never written back whole (see the touch below).
        if (!secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<ApiToken> found = ApiToken.<ApiToken>find("tokenHash", hash(secret))
                .firstResultOptional()
                .filter(t -> t.activeAt(now));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ApiToken token = found.get();
        Set<String> roles = new LinkedHashSet<>(token.roleList());
        if (token.embedded) {
            Optional<UserAccount> user = UserAccount.findByUsername(token.username);
            if (user.isEmpty()) {
                return Optional.empty();
            }
            Set<String> held = new LinkedHashSet<>(user.get().roleList());
            if (held.stream().anyMatch(Roles.IMPLYING_VIEWER::contains)) {
                held.add(Roles.VIEWER);
            }
            roles.retainAll(held);
        }
        if (roles.isEmpty()) {
            return Optional.empty();
        }
        if (token.lastUsedAt == null || Duration.between(token.lastUsedAt, now).compareTo(TOUCH_EVERY) >= 0) {
            // One statement, never the whole row: a revocation committed meanwhile must not be written back over.
            ApiToken.update(
                    "lastUsedAt = ?1 where id = ?2 and revokedAt is null",
                    now.truncatedTo(ChronoUnit.MILLIS),
                    token.id);
        }
        return Optional.of(new Bearer(token.id, token.username, Set.copyOf(roles)));
    }

    /** Whether this is a token that was ever issued (expired, revoked or not). */
    @Transactional
    public boolean exists(String secret) {
        return secret.startsWith(PREFIX) && secret.length() <= 100 && ApiToken.count("tokenHash", hash(secret)) > 0;
    }

    static String hash(String secret) {
        return DeterministicJson.sha256Hex(secret);
    }
}
