package org.takedown.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Console requests authenticate with the session cookie, and only console requests: the API keeps its own
 * credentials (Basic or bearer), so a browser's cookie can never act on {@code /api}. An unauthenticated console
 * request is sent to the login page (htmx requests by {@code HX-Redirect}, so a fragment never shows the login form).
 */
@ApplicationScoped
public class ConsoleSessionMechanism implements HttpAuthenticationMechanism {

    public static final String LOGIN_PATH = "/console/login";
    public static final String OIDC_PATH = "/console/oidc/";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        Cookie cookie = context.request().getCookie(SessionCookie.NAME);
        if (!isConsole(context) || cookie == null || cookie.getValue().isEmpty()) {
            return Uni.createFrom().optional(java.util.Optional.empty());
        }
        // An ended session is no session (not a failed login): the request is anonymous, so the sign-in page still
        // opens and every other console page sends there.
        return identities
                .authenticate(new ConsoleSessionRequest(cookie.getValue()))
                .onFailure(AuthenticationFailedException.class)
                .recoverWithNull();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (!isConsole(context)) {
            return Uni.createFrom().optional(java.util.Optional.empty());
        }
        if (context.request().getHeader("HX-Request") != null) {
            return Uni.createFrom().item(new ChallengeData(401, "HX-Redirect", LOGIN_PATH));
        }
        return Uni.createFrom().item(new ChallengeData(303, "Location", LOGIN_PATH));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ConsoleSessionRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom()
                .item(new HttpCredentialTransport(HttpCredentialTransport.Type.COOKIE, SessionCookie.NAME));
    }

    /** Tried, and asked for a challenge, before HTTP Basic and OIDC (it answers only for console paths). */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY * 5;
    }

    /** Console paths, except the OIDC sign-in, which the identity provider's code flow guards. */
    static boolean isConsole(RoutingContext context) {
        String path = context.normalizedPath();
        return (path.equals("/console") || path.startsWith("/console/")) && !path.startsWith(OIDC_PATH);
    }
}
