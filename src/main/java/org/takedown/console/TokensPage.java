package org.takedown.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.takedown.security.ApiToken;
import org.takedown.security.ApiTokenService;
import org.takedown.security.Roles;
import org.takedown.security.TokenRequest;

/**
 * API tokens for an officer's scripts: their own tokens (an admin's page lists everyone's), a new one for some of their
 * roles (shown once, here, and never again), and revocation. The same service and rules as {@code /api/tokens}.
 */
@Path("/console/tokens")
@Produces(MediaType.TEXT_HTML)
public class TokensPage {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance tokens(
                List<ApiToken> tokens,
                List<String> roles,
                FormErrors errors,
                String saved,
                String secret,
                Map<String, String> typed);
    }

    @Inject
    ApiTokenService tokens;

    @Inject
    ConsoleForms forms;

    @Inject
    ConsoleUser user;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public TemplateInstance list() {
        return render(FormErrors.NONE, null, null, Map.of());
    }

    @POST
    @RolesAllowed(Roles.VIEWER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String name, @RestForm List<String> roles, @RestForm String expiresInDays) {
        FormInput input = new FormInput();
        TokenRequest request = new TokenRequest(
                FormInput.text(name), roles == null ? List.of() : roles, input.number("expiresInDays", expiresInDays));
        ConsoleForms.Submitted<ApiTokenService.Created> created =
                forms.submit(input, request, () -> tokens.create(user.name(), user.roleSet(), request));
        return FormAnswer.of(
                render(
                        created.errors(),
                        created.ok() ? "Created the token " + request.name() + "." : null,
                        created.ok() ? created.value().secret() : null,
                        created.ok() ? Map.of() : ConsoleForms.typed("name", name, "expiresInDays", expiresInDays)),
                created.errors(),
                false);
    }

    @POST
    @Path("{id}/revoke")
    @RolesAllowed(Roles.VIEWER)
    public Response revoke(@PathParam("id") long id) {
        ConsoleForms.Submitted<ApiToken> revoked = forms.act(() -> tokens.revoke(user.name(), user.admin(), id));
        return FormAnswer.of(
                render(
                        revoked.errors(),
                        revoked.ok() ? "Revoked the token " + revoked.value().name + "." : null,
                        null,
                        Map.of()),
                revoked.errors(),
                false);
    }

    private TemplateInstance render(FormErrors errors, String saved, String secret, Map<String, String> typed) {
        List<String> own = Roles.ALL.stream().filter(user.roleSet()::contains).toList();
        return Templates.tokens(tokens.list(user.admin() ? null : user.name()), own, errors, saved, secret, typed);
    }
}
