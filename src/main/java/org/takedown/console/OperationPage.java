package org.takedown.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.RestForm;
import org.takedown.operation.DecisionRequest;
import org.takedown.operation.Operation;
import org.takedown.operation.OperationService;
import org.takedown.operation.Transition;
import org.takedown.security.Roles;

/**
 * One operation: its state with the moves the signed-in officer may make, its details and legal authority. The parts
 * of its content (agencies, seized domains, banner, notices, targets, watching) are sections of this page, each with its
 * own resource.
 */
@Path("/console/operations/{id: [0-9]+}")
@Produces(MediaType.TEXT_HTML)
public class OperationPage {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance operation(
                Operation op, List<Move> moves, OperationForm form, FormErrors errors, boolean saved);

        static native TemplateInstance operation$details(
                Operation op, OperationForm form, FormErrors errors, boolean saved);

        static native TemplateInstance operation$state(Operation op, List<Move> moves, FormErrors errors);
    }

    /** A transition offered as a button: approval has its own page (the approval queue). */
    public record Move(Transition transition, String label, boolean dangerous) {
        public String path() {
            return transition.name().toLowerCase(Locale.ROOT);
        }
    }

    @Inject
    OperationService operations;

    @Inject
    ConsoleForms forms;

    @Inject
    ConsoleUser user;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public TemplateInstance page(@PathParam("id") long id) {
        Operation op = operations.get(id);
        return Templates.operation(op, moves(op), OperationForm.of(op), FormErrors.NONE, false);
    }

    @POST
    @Path("details")
    @RolesAllowed(Roles.OFFICER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveDetails(@PathParam("id") long id, @BeanParam OperationForm form) {
        FormInput input = new FormInput();
        var request = form.toRequest(input);
        ConsoleForms.Submitted<Operation> saved =
                forms.submit(input, request, () -> operations.update(user.name(), id, request));
        Operation op = operations.get(id);
        return FormAnswer.of(
                Templates.operation$details(op, saved.ok() ? OperationForm.of(op) : form, saved.errors(), saved.ok()),
                saved.errors(),
                true);
    }

    /** The state box, re-read when something on the page changed the operation (it may be back to pending approval). */
    @GET
    @Path("state")
    @RolesAllowed(Roles.VIEWER)
    public Response state(@PathParam("id") long id, @QueryParam("shown") String shown) {
        Operation op = operations.get(id);
        // An edit may have sent the operation back for approval: the page's parts then show what may be done now.
        String event = shown != null && !shown.equals(op.status.name()) ? FormAnswer.MOVED : null;
        return FormAnswer.of(Templates.operation$state(op, moves(op), FormErrors.NONE), FormErrors.NONE, event);
    }

    @POST
    @Path("move")
    @RolesAllowed({Roles.OFFICER, Roles.APPROVER})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response move(@PathParam("id") long id, @RestForm String transition, @RestForm String reason) {
        Transition chosen = new FormInput().choice(Transition.class, "transition", transition);
        FormErrors errors;
        if (chosen == null || chosen == Transition.APPROVE || chosen == Transition.REJECT || !mayMove(chosen)) {
            errors = FormErrors.of(List.of(), "That move is not offered here.");
        } else {
            DecisionRequest.Note note = new DecisionRequest.Note(FormInput.text(reason));
            errors = forms.submit(note, () -> operations.transition(user.name(), id, chosen, note.reason()))
                    .errors();
        }
        Operation op = operations.get(id);
        return FormAnswer.of(Templates.operation$state(op, moves(op), errors), errors, FormAnswer.MOVED);
    }

    /** The moves from this state that the officer's roles allow (the service re-checks the state). */
    private List<Move> moves(Operation op) {
        return Arrays.stream(Transition.values())
                .filter(t ->
                        t != Transition.APPROVE && t != Transition.REJECT && t.allowedFrom(op.status) && mayMove(t))
                .map(t -> new Move(t, label(t), t == Transition.END || t == Transition.CANCEL || t == Transition.PAUSE))
                .toList();
    }

    private boolean mayMove(Transition transition) {
        return user.officer() || (transition == Transition.PAUSE && user.approver());
    }

    private static String label(Transition transition) {
        return switch (transition) {
            case SUBMIT -> "Submit for approval";
            case ACTIVATE -> "Activate now";
            case PAUSE -> "Pause";
            case RESUME -> "Resume";
            case END -> "End the operation";
            case CANCEL -> "Cancel the operation";
            default -> transition.name();
        };
    }
}
