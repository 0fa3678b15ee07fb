package org.takedown.operation;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.takedown.common.Page;
import org.takedown.common.PageRequest;
import org.takedown.common.ProblemException;
import org.takedown.security.Roles;

@Path("/api/operations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OperationResource {

    @Inject
    OperationService operations;

    @Inject
    OperationSchedule schedule;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Page<OperationView> list(
            @Valid @BeanParam PageRequest page,
            @QueryParam("status") String status,
            @QueryParam("q") @Size(max = 200) String text) {
        return Page.of(operations.search(parseStatus(status), text), page, OperationView::of);
    }

    @POST
    @RolesAllowed(Roles.OFFICER)
    public Response create(@Valid @NotNull OperationRequest request) {
        return Response.status(201)
                .entity(OperationView.of(operations.create(actor(), request)))
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    public OperationView get(@PathParam("id") long id) {
        return OperationView.of(operations.get(id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.OFFICER)
    public OperationView update(@PathParam("id") long id, @Valid @NotNull OperationRequest request) {
        return OperationView.of(operations.update(actor(), id, request));
    }

    /** Exactly what an approval would cover, and its hash to quote when approving. */
    @GET
    @Path("/{id}/content")
    @RolesAllowed(Roles.VIEWER)
    public ContentView content(@PathParam("id") long id) {
        PublicContent.Snapshot snapshot = operations.content(id);
        return new ContentView(snapshot.sha256(), snapshot.json());
    }

    /** The activation and end currently armed on the scheduler. */
    @GET
    @Path("/{id}/schedule")
    @RolesAllowed(Roles.VIEWER)
    public Map<Transition, Instant> armed(@PathParam("id") long id) {
        operations.get(id);
        return schedule.armed(id);
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed(Roles.OFFICER)
    public OperationView submit(@PathParam("id") long id, @Valid DecisionRequest.Note note) {
        return move(id, Transition.SUBMIT, note);
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed(Roles.APPROVER)
    public OperationView approve(@PathParam("id") long id, @Valid @NotNull DecisionRequest.Approve request) {
        return OperationView.of(operations.approve(actor(), id, request));
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed(Roles.APPROVER)
    public OperationView reject(@PathParam("id") long id, @Valid @NotNull DecisionRequest.Reject request) {
        return OperationView.of(operations.reject(actor(), id, request));
    }

    @POST
    @Path("/{id}/activate")
    @RolesAllowed(Roles.OFFICER)
    public OperationView activate(@PathParam("id") long id, @Valid DecisionRequest.Note note) {
        return move(id, Transition.ACTIVATE, note);
    }

    /** Pausing only stops things, so approvers may do it too. */
    @POST
    @Path("/{id}/pause")
    @RolesAllowed({Roles.OFFICER, Roles.APPROVER})
    public OperationView pause(@PathParam("id") long id, @Valid DecisionRequest.Note note) {
        return move(id, Transition.PAUSE, note);
    }

    @POST
    @Path("/{id}/resume")
    @RolesAllowed(Roles.OFFICER)
    public OperationView resume(@PathParam("id") long id, @Valid DecisionRequest.Note note) {
        return move(id, Transition.RESUME, note);
    }

    @POST
    @Path("/{id}/end")
    @RolesAllowed(Roles.OFFICER)
    public OperationView end(@PathParam("id") long id, @Valid DecisionRequest.Note note) {
        return move(id, Transition.END, note);
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed(Roles.OFFICER)
    public OperationView cancel(@PathParam("id") long id, @Valid DecisionRequest.Note note) {
        return move(id, Transition.CANCEL, note);
    }

    @GET
    @Path("/{id}/approvals")
    @RolesAllowed(Roles.VIEWER)
    public List<DecisionView> decisions(@PathParam("id") long id) {
        return operations.decisions(id).stream()
                .map(d -> DecisionView.of(d, false))
                .toList();
    }

    @GET
    @Path("/{id}/approvals/{decisionId}")
    @RolesAllowed(Roles.VIEWER)
    public DecisionView decision(@PathParam("id") long id, @PathParam("decisionId") long decisionId) {
        return DecisionView.of(operations.decision(id, decisionId), true);
    }

    private OperationView move(long id, Transition transition, DecisionRequest.Note note) {
        return OperationView.of(operations.transition(actor(), id, transition, note == null ? null : note.reason()));
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private static OperationStatus parseStatus(String status) {
        if (status == null) {
            return null;
        }
        return Arrays.stream(OperationStatus.values())
                .filter(s -> s.name().equals(status))
                .findFirst()
                .orElseThrow(() -> ProblemException.invalidField(
                        400, "status", "must be one of " + Arrays.toString(OperationStatus.values())));
    }

    public record ContentView(String sha256, @JsonRawValue String content) {}

    /** An approval or rejection; {@code content} (the approved JSON) only on the single-decision view. */
    public record DecisionView(
            long id,
            ApprovalDecision.Decision decision,
            String decidedBy,
            Instant decidedAt,
            String legalReference,
            String reason,
            String contentHash,
            String content) {

        static DecisionView of(ApprovalDecision d, boolean withContent) {
            return new DecisionView(
                    d.id,
                    d.decision,
                    d.decidedBy,
                    d.decidedAt,
                    d.legalReference,
                    d.reason,
                    d.contentHash,
                    withContent ? d.content : null);
        }
    }
}
