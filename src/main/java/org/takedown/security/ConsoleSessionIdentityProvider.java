package org.takedown.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Resolves a console session token into the user it belongs to, with the roles the user has now. */
@ApplicationScoped
public class ConsoleSessionIdentityProvider implements IdentityProvider<ConsoleSessionRequest> {

    /** Identity attributes: the session's CSRF token and its cookie token (for logout). */
    public static final String CSRF_TOKEN = "takedown.console.csrf";

    public static final String SESSION_TOKEN = "takedown.console.session";

    @Inject
    ConsoleSessions sessions;

    @Override
    public Class<ConsoleSessionRequest> getRequestType() {
        return ConsoleSessionRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ConsoleSessionRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> sessions.resolve(request.token())
                .<SecurityIdentity>map(session -> QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(session.username()))
                        .addRoles(java.util.Set.copyOf(session.roles()))
                        .addAttribute(CSRF_TOKEN, session.csrfToken())
                        .addAttribute(SESSION_TOKEN, request.token())
                        .build())
                .orElse(null));
    }
}
