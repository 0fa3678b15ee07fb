package org.takedown.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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
    public Response signIn(@RestForm String username, @RestForm String password) {
        return login.login(username, password)
                .map(session -> Response.seeOther(URI.create("/console")).header(HttpHeaders.SET_COOKIE, SessionCookie.set(session.token())).build())
                .orElseGet(() -> Response.status(401).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                        .entity(Templates.login("Wrong user name or password.", username, oidc).render()).build());
    }

    @POST
    @Path("logout")
    @Authenticated
    public Response signOut(@HeaderParam("HX-Request") String htmx) {
        login.logout(identity);
        Response.ResponseBuilder response = htmx != null
                ? Response.noContent().header("HX-Redirect", ConsoleSessionMechanism.LOGIN_PATH)
                : Response.seeOther(URI.create(ConsoleSessionMechanism.LOGIN_PATH));
        return response.header(HttpHeaders.SET_COOKIE, SessionCookie.clear()).build();
    }
}
