package org.takedown.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.takedown.audit.AuditLog;

/**
 * At start: makes the users from configuration exist exactly as configured, and, when there are no users at
 * all, creates {@code admin} with a random password printed once — never a fixed default password.
 */
@ApplicationScoped
public class UserBootstrap {

    static final String SYSTEM = "system";
    private static final Logger LOG = Logger.getLogger(UserBootstrap.class);
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$\\d{2}\\$[./A-Za-z0-9]{53}");
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    @Inject
    SecurityConfig config;

    @Inject
    UserService users;

    @Inject
    AuditLog audit;

    @Inject
    ApiTokenService tokens;

    @Transactional
    void onStart(@Observes StartupEvent event) {
        syncConfiguredUsers();
        if (UserAccount.count() == 0) {
            createInitialAdmin();
        }
    }

    private void syncConfiguredUsers() {
        Map<String, SecurityConfig.ConfiguredUser> configured = config.users();
        for (var entry : configured.entrySet()) {
            String name = entry.getKey();
            SecurityConfig.ConfiguredUser wanted = entry.getValue();
            check(name, wanted);
            String roles = String.join(",", wanted.roles());
            UserAccount existing = UserAccount.findByUsername(name).orElse(null);
            if (existing == null) {
                users.newUser(SYSTEM, name, wanted.passwordHash(), wanted.roles(), true);
                audit.record(
                        SYSTEM,
                        "USER_CREATED",
                        UserService.ENTITY,
                        name,
                        Map.of("roles", wanted.roles(), "source", "configuration"));
            } else if (!existing.fromConfig
                    || !existing.passwordHash.equals(wanted.passwordHash())
                    || !existing.roles.equals(roles)) {
                if (!existing.passwordHash.equals(wanted.passwordHash())) {
                    tokens.revokeAllOf(SYSTEM, name, "password changed in configuration");
                }
                existing.fromConfig = true;
                existing.passwordHash = wanted.passwordHash();
                existing.roles = roles;
                audit.record(
                        SYSTEM,
                        "USER_UPDATED",
                        UserService.ENTITY,
                        name,
                        Map.of("roles", wanted.roles(), "source", "configuration"));
            }
        }
        List<UserAccount> removed = UserAccount.<UserAccount>list("fromConfig", true).stream()
                .filter(u -> !configured.containsKey(u.username))
                .toList();
        for (UserAccount user : removed) {
            user.delete();
            tokens.revokeAllOf(SYSTEM, user.username, "removed from configuration");
            audit.record(SYSTEM, "USER_DELETED", UserService.ENTITY, user.username, Map.of("source", "configuration"));
        }
    }

    private static void check(String name, SecurityConfig.ConfiguredUser user) {
        if (!name.matches(UserRequest.USERNAME)) {
            throw new IllegalStateException("takedown.users: invalid user name '" + name + "'");
        }
        if (!BCRYPT.matcher(user.passwordHash()).matches()) {
            throw new IllegalStateException(
                    "takedown.users." + name + ".password-hash must be a bcrypt hash ($2a$...)");
        }
        for (String role : user.roles()) {
            if (!Roles.ALL.contains(role)) {
                throw new IllegalStateException("takedown.users." + name + ".roles: unknown role '" + role + "'");
            }
        }
    }

    private void createInitialAdmin() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        users.newUser(SYSTEM, "admin", BcryptUtil.bcryptHash(password.toString()), List.of(Roles.ADMIN), false);
        audit.record(
                SYSTEM,
                "USER_CREATED",
                UserService.ENTITY,
                "admin",
                Map.of("roles", List.of(Roles.ADMIN), "source", "first start"));
        LOG.warnf(
                "No users existed: created user 'admin' with password %s — shown only this once. "
                        + "Create officer and approver accounts with POST /api/users and change this password.",
                password);
    }
}
