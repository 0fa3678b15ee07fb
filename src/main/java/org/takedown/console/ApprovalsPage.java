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
import org.jboss.resteasy.reactive.RestForm;
import org.takedown.operation.ContentChanges;
import org.takedown.operation.DecisionRequest;
import org.takedown.operation.Operation;
import org.takedown.operation.OperationService;
import org.takedown.operation.OperationStatus;
import org.takedown.security.Roles;

/**
 * The approval queue: operations waiting for a second officer, and for each what changed since its last approval
 * (everything, the first time). Approving quotes the legal reference and names the content reviewed, so a change made
 * while the approver read is refused; whoever submitted or changed the content cannot approve it (four eyes), in the
 * page as in the service.
 */
@Path("/console/approvals")
@Produces(MediaType.TEXT_HTML)
public class ApprovalsPage {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance approvals(List<Operation> waiting);

        static native TemplateInstance approval(
                Operation op,
                List<ContentChanges.Change> changes,
                String contentHash,
                boolean ownWork,
                FormErrors errors,
                String legalReference,
                String reason);
    }

    @Inject
    OperationService operations;

    @Inject
    ConsoleForms forms;

    @Inject
    ConsoleUser user;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public TemplateInstance queue() {
        return Templates.approvals(
                operations.search(OperationStatus.PENDING_APPROVAL, null).list());
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.VIEWER)
    public TemplateInstance review(@PathParam("id") long id) {
        return page(id, FormErrors.NONE, null, null);
    }

    @POST
    @Path("{id}/approve")
    @RolesAllowed(Roles.APPROVER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(@PathParam("id") long id, @RestForm String legalReference, @RestForm String contentHash) {
        DecisionRequest.Approve request =
                new DecisionRequest.Approve(FormInput.text(legalReference), FormInput.text(contentHash));
        return decided(
                id,
                forms.submit(request, () -> operations.approve(user.name(), id, request))
                        .errors(),
                legalReference,
                null);
    }

    @POST
    @Path("{id}/reject")
    @RolesAllowed(Roles.APPROVER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reject(@PathParam("id") long id, @RestForm String reason) {
        DecisionRequest.Reject request = new DecisionRequest.Reject(FormInput.text(reason));
        return decided(
                id,
                forms.submit(request, () -> operations.reject(user.name(), id, request))
                        .errors(),
                null,
                reason);
    }

    private Response decided(long id, FormErrors errors, String legalReference, String reason) {
        if (!errors.any()) {
            return Response.noContent()
                    .header("HX-Redirect", "/console/operations/" + id)
                    .build();
        }
        return Response.status(422)
                .type(MediaType.TEXT_HTML)
                .entity(page(id, errors, legalReference, reason).render())
                .build();
    }

    private TemplateInstance page(long id, FormErrors errors, String legalReference, String reason) {
        Operation op = operations.get(id);
        String me = user.name();
        boolean ownWork = me.equals(op.submittedBy) || op.contentAuthors.contains(me);
        return Templates.approval(
                op,
                operations.changesSinceApproval(id),
                operations.content(id).sha256(),
                ownWork,
                errors,
                legalReference,
                reason);
    }
}
