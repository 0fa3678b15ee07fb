package org.takedown.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import java.util.stream.Collectors;
import org.takedown.security.ConsoleSessions;
import org.takedown.security.Roles;
import org.takedown.security.SessionCookie;

/**
 * Sign-in through the identity provider (OIDC authorization code flow, tenant {@code console}, on when
 * {@code TAKEDOWN_OIDC_ENABLED}): the provider's code flow guards this path; once it has signed the officer in, a
 * console session like any other is opened, with the roles the provider gave. The answer is a page that moves on to
 * the console by itself: arriving from the provider is a cross-site navigation, which would not carry the
 * SameSite=Strict session cookie on a redirect.
 */
@Path("/console/oidc/login")
public class OidcSignIn {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance signedIn(String name);
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    ConsoleSessions sessions;

    @GET
    @Authenticated
    public Response signIn() {
        Set<String> roles =
                identity.getRoles().stream().filter(Roles.ALL::contains).collect(Collectors.toSet());
        if (roles.isEmpty()) {
            return Response.status(403)
                    .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity("The identity provider gave you no Takedown role (viewer, officer, approver or admin).")
                    .build();
        }
        String name = identity.getPrincipal().getName();
        ConsoleSessions.Opened session = sessions.openExternal(name, roles);
        return Response.ok(Templates.signedIn(name).render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.SET_COOKIE, SessionCookie.set(session.token()))
                .header("Cache-Control", "no-store")
                .build();
    }
}
