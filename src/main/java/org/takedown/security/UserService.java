package org.takedown.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.takedown.audit.AuditLog;
import org.takedown.common.ProblemException;

/** Embedded users: created, changed and removed by admins, every change audited. */
@ApplicationScoped
public class UserService {

    static final String ENTITY = "user";

    @Inject
    AuditLog audit;

    @Inject
    ConsoleSessions sessions;

    @Inject
    ApiTokenService tokens;

    @Inject
    Clock clock;

    /** Every user, by name. */
    public List<UserAccount> all() {
        return UserAccount.listAll(Sort.by("username"));
    }

    @Transactional
    public UserAccount create(String actor, UserRequest.Create request) {
        if (UserAccount.findByUsername(request.username()).isPresent()) {
            throw ProblemException.conflict("User '" + request.username() + "' already exists");
        }
        UserAccount user =
                newUser(actor, request.username(), BcryptUtil.bcryptHash(request.password()), request.roles(), false);
        audit.record(actor, "USER_CREATED", ENTITY, user.username, Map.of("roles", user.roleList()));
        return user;
    }

    @Transactional
    public UserAccount update(String actor, String username, UserRequest.Update request) {
        UserAccount user = editable(username);
        Map<String, Object> summary = new LinkedHashMap<>();
        if (request.roles() != null) {
            if (!request.roles().contains(Roles.ADMIN) && user.roleList().contains(Roles.ADMIN)) {
                requireAnotherAdmin(user);
            }
            user.roles = String.join(",", request.roles());
            summary.put("roles", user.roleList());
        }
        if (request.password() != null) {
            user.passwordHash = BcryptUtil.bcryptHash(request.password());
            summary.put("passwordChanged", true);
            sessions.closeAllOf(user.username); // a new password ends every console session opened with the old one
            tokens.revokeAllOf(
                    actor, user.username, "password changed"); // and every API token: they stood for the old one
        }
        audit.record(actor, "USER_UPDATED", ENTITY, user.username, summary);
        return user;
    }

    @Transactional
    public void delete(String actor, String username) {
        UserAccount user = editable(username);
        if (user.username.equals(actor)) {
            throw ProblemException.conflict("You cannot delete your own account");
        }
        if (user.roleList().contains(Roles.ADMIN)) {
            requireAnotherAdmin(user);
        }
        user.delete();
        sessions.closeAllOf(username);
        tokens.revokeAllOf(actor, username, "user removed");
        audit.record(actor, "USER_DELETED", ENTITY, username, Map.of());
    }

    UserAccount newUser(String actor, String username, String passwordHash, List<String> roles, boolean fromConfig) {
        UserAccount user = new UserAccount();
        user.username = username;
        user.passwordHash = passwordHash;
        user.roles = String.join(",", roles);
        user.fromConfig = fromConfig;
        user.createdBy = actor;
        user.createdAt = clock.instant();
        user.persist();
        return user;
    }

    private UserAccount editable(String username) {
        UserAccount user = UserAccount.findByUsername(username)
                .orElseThrow(() -> ProblemException.notFound("User '" + username + "'"));
        if (user.fromConfig) {
            throw ProblemException.conflict("User '" + username + "' is managed by configuration (takedown.users)");
        }
        return user;
    }

    private void requireAnotherAdmin(UserAccount leaving) {
        boolean another = UserAccount.<UserAccount>streamAll()
                .anyMatch(u ->
                        !u.username.equals(leaving.username) && u.roleList().contains(Roles.ADMIN));
        if (!another) {
            throw ProblemException.conflict("'" + leaving.username + "' is the last admin");
        }
    }
}
