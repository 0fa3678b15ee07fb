package org.takedown.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;
import org.takedown.security.ConsoleLogin;
import org.takedown.security.ConsoleSessionMechanism;
import org.takedown.security.SessionCookie;

/** Sign-in form and sign-out. A signed-in officer lands on the dashboard. */
@Path("/console")
public class LoginPage {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance login(String error, String username, boolean oidc);
    }

    /** Where quarkus-oidc keeps the console tenant's session. */
    static final String OIDC_SESSION_COOKIE = "q_session_console";

    @Inject
    ConsoleLogin login;

    @Inject
    SecurityIdentity identity;
    /** Whether the identity provider's sign-in is offered (the console's OIDC tenant is on). */
    @ConfigProperty(name = "quarkus.oidc.console.tenant-enabled", defaultValue = "false")
    boolean oidc;

    @GET
    @Path("login")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance form() {
        return Templates.login(null, null, oidc);
    }

    @POST
    @Path("login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response signIn(@RestForm String username, @RestForm String password, @Context HttpServerRequest request) {
        String address = request.remoteAddress() == null
                ? "unknown"
                : request.remoteAddress().host();
        ConsoleLogin.Outcome outcome = login.login(username, password, address);
        if (outcome instanceof ConsoleLogin.Outcome.SignedIn signedIn) {
            return Response.seeOther(URI.create("/console"))
                    .header(
                            HttpHeaders.SET_COOKIE,
                            SessionCookie.set(signedIn.session().token()))
                    .build();
        }
        if (outcome instanceof ConsoleLogin.Outcome.Throttled throttled) {
            long minutes = Math.max(1, throttled.retryAfter().toMinutes() + 1);
            return Response.status(429)
                    .header("Retry-After", throttled.retryAfter().toSeconds() + 1)
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.login(
                                    "Too many failed sign-ins: try again in " + minutes + " minutes.", username, oidc)
                            .render())
                    .build();
        }
        if (outcome instanceof ConsoleLogin.Outcome.Busy) {
            return Response.status(503)
                    .header("Retry-After", 1)
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.login("Sign-ins are busy: try again in a moment.", username, oidc)
                            .render())
                    .build();
        }
        return Response.status(401)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.login("Wrong user name or password.", username, oidc)
                        .render())
                .build();
    }

    @POST
    @Path("logout")
    @Authenticated
    public Response signOut(@HeaderParam("HX-Request") String htmx) {
        login.logout(identity);
        Response.ResponseBuilder response = htmx != null
                ? Response.noContent().header("HX-Redirect", ConsoleSessionMechanism.LOGIN_PATH)
                : Response.seeOther(URI.create(ConsoleSessionMechanism.LOGIN_PATH));
        response.header(HttpHeaders.SET_COOKIE, SessionCookie.clear());
        if (oidc) {
            // The provider's code-flow session of this app ends too, so "sign in with your organisation" asks again
            // (the provider's own single sign-on session is the organisation's to end).
            response.header(HttpHeaders.SET_COOKIE, OIDC_SESSION_COOKIE + "=; Path=/; HttpOnly; Max-Age=0");
        }
        return response.build();
    }
}
