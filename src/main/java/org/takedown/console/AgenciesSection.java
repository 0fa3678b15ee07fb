package org.takedown.console;

import io.quarkus.narayana.jta.QuarkusTransaction;
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
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.takedown.common.Problem;
import org.takedown.common.ProblemException;
import org.takedown.operation.Agency;
import org.takedown.operation.AgencyRequest;
import org.takedown.operation.AgencyService;
import org.takedown.operation.Operation;
import org.takedown.operation.OperationService;
import org.takedown.security.Roles;

/** The agencies section of an operation's page: their names, websites, order on the banner, and emblems. */
@Path("/console/operations/{id: [0-9]+}/agencies")
@Produces(MediaType.TEXT_HTML)
public class AgenciesSection {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance agencies(
                Operation op,
                List<Agency> agencies,
                boolean editable,
                FormErrors errors,
                String saved,
                Map<String, String> typed);
    }

    @Inject
    OperationService operations;

    @Inject
    AgencyService agencies;

    @Inject
    ConsoleForms forms;

    @Inject
    ConsoleUser user;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public TemplateInstance show(@PathParam("id") long id) {
        return render(id, FormErrors.NONE, null, Map.of());
    }

    /** Adds an agency and, in the same transaction, its emblem: a refused emblem adds nothing. */
    @POST
    @RolesAllowed(Roles.OFFICER)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response add(
            @PathParam("id") long id,
            @RestForm String name,
            @RestForm String website,
            @RestForm String displayOrder,
            @RestForm FileUpload emblem) {
        FormInput input = new FormInput();
        AgencyRequest request = new AgencyRequest(
                FormInput.text(name), FormInput.text(website), input.number("displayOrder", displayOrder));
        ConsoleForms.Submitted<Agency> added = forms.submit(
                input,
                request,
                () -> QuarkusTransaction.requiringNew().call(() -> {
                    Agency agency = agencies.add(user.name(), id, request);
                    if (UploadedFiles.present(emblem)) {
                        setEmblem(id, agency.id, emblem);
                    }
                    return agency;
                }));
        Map<String, String> typed = added.ok()
                ? Map.of()
                : ConsoleForms.typed("name", name, "website", website, "displayOrder", displayOrder);
        return respond(id, added.errors(), added.ok() ? "Added " + request.name() + "." : null, typed);
    }

    @POST
    @Path("{agencyId}/remove")
    @RolesAllowed(Roles.OFFICER)
    public Response remove(@PathParam("id") long id, @PathParam("agencyId") long agencyId) {
        ConsoleForms.Submitted<Object> removed = forms.act(() -> {
            agencies.remove(user.name(), id, agencyId);
            return null;
        });
        return respond(id, removed.errors(), removed.ok() ? "Removed." : null, Map.of());
    }

    /** The emblem, for the page's own img tags (the console session cannot open the API). Never rendered as a page. */
    @GET
    @Path("{agencyId}/emblem")
    @RolesAllowed(Roles.VIEWER)
    @Produces({"image/png", "image/svg+xml"})
    public Response emblem(@PathParam("id") long id, @PathParam("agencyId") long agencyId) {
        Agency agency = agencies.get(id, agencyId);
        if (agency.emblem == null) {
            throw ProblemException.notFound("Emblem of agency " + agencyId);
        }
        return Response.ok(agency.emblem, agency.emblemContentType)
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("Cache-Control", "private, max-age=300")
                .build();
    }

    private void setEmblem(long id, long agencyId, FileUpload emblem) {
        try {
            agencies.setEmblem(user.name(), id, agencyId, emblem.contentType(), UploadedFiles.read(emblem));
        } catch (ProblemException refused) {
            // The service names no field: here the emblem is the field.
            throw new ProblemException(
                    refused.status(),
                    "Emblem refused",
                    "The emblem was refused; nothing was added.",
                    List.of(new Problem.FieldError("emblem", refused.getMessage())));
        }
    }

    private Response respond(long id, FormErrors errors, String saved, Map<String, String> typed) {
        return FormAnswer.of(render(id, errors, saved, typed), errors, saved != null);
    }

    private TemplateInstance render(long id, FormErrors errors, String saved, Map<String, String> typed) {
        Operation op = operations.get(id);
        boolean editable = user.mayEdit(op);
        return Templates.agencies(op, agencies.list(id).list(), editable, errors, saved, typed);
    }
}
