package org.takedown.console;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.takedown.operation.Operation;
import org.takedown.security.ConsoleSessionIdentityProvider;
import org.takedown.security.Roles;

/**
 * The signed-in officer as the console's templates see them ({@code inject:user}): name, CSRF token for htmx, and what
 * their roles let them do, so a page shows only the actions the server would allow (the server still checks each).
 */
@RequestScoped
@Named("user")
public class ConsoleUser {

    @Inject
    SecurityIdentity identity;

    public String name() {
        return identity.getPrincipal().getName();
    }

    public String csrf() {
        String token = identity.getAttribute(ConsoleSessionIdentityProvider.CSRF_TOKEN);
        return token == null ? "" : token;
    }

    public boolean officer() {
        return identity.hasRole(Roles.OFFICER);
    }

    /** Whether they may change this operation's content: an officer, while the operation is not over. */
    public boolean mayEdit(Operation op) {
        return officer() && !op.status.isOver();
    }

    public boolean approver() {
        return identity.hasRole(Roles.APPROVER);
    }

    public boolean admin() {
        return identity.hasRole(Roles.ADMIN);
    }

    /** Every role they hold (viewer included when another implies it). */
    public java.util.Set<String> roleSet() {
        return identity.getRoles();
    }

    public String roles() {
        return String.join(", ", Roles.ALL.stream().filter(identity::hasRole).toList());
    }
}
