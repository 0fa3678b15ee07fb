package org.takedown.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.takedown.common.TextClip;
import org.takedown.operation.Operation;
import org.takedown.operation.OperationService;
import org.takedown.operation.OperationStatus;
import org.takedown.security.Roles;

/** The list of operations (by state, by name or code name) and the form that prepares a new one. */
@Path("/console/operations")
@Produces(MediaType.TEXT_HTML)
public class OperationsPage {

    private static final int PAGE_SIZE = 25;

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance operations(
                List<Operation> operations, OperationStatus status, String q, int page, boolean more);

        static native TemplateInstance newOperation(OperationForm form, FormErrors errors);
    }

    @Inject
    OperationService operations;

    @Inject
    ConsoleForms forms;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public TemplateInstance list(
            @QueryParam("status") String status, @QueryParam("q") String q, @QueryParam("page") int page) {
        OperationStatus state = new FormInput().choice(OperationStatus.class, "status", status);
        String text = TextClip.clip(FormInput.text(q), 200);
        int first = Math.max(0, page) * PAGE_SIZE;
        List<Operation> found =
                operations.search(state, text).range(first, first + PAGE_SIZE).list();
        boolean more = found.size() > PAGE_SIZE;
        return Templates.operations(more ? found.subList(0, PAGE_SIZE) : found, state, text, Math.max(0, page), more);
    }

    @GET
    @Path("new")
    @RolesAllowed(Roles.OFFICER)
    public TemplateInstance newForm() {
        return Templates.newOperation(OperationForm.blank(), FormErrors.NONE);
    }

    @POST
    @Path("new")
    @RolesAllowed(Roles.OFFICER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam OperationForm form) {
        FormInput input = new FormInput();
        var request = form.toRequest(input);
        ConsoleForms.Submitted<Operation> created = forms.submit(
                input, request, () -> operations.create(identity.getPrincipal().getName(), request));
        if (!created.ok()) {
            return Response.status(422)
                    .entity(Templates.newOperation(form, created.errors()).render())
                    .type(MediaType.TEXT_HTML)
                    .build();
        }
        return Response.noContent()
                .header("HX-Redirect", "/console/operations/" + created.value().id)
                .build();
    }
}
