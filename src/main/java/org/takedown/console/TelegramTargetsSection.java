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
import org.takedown.notice.PreflightService;
import org.takedown.notice.TelegramTarget;
import org.takedown.notice.TelegramTargetRequest;
import org.takedown.notice.TelegramTargetService;
import org.takedown.operation.Operation;
import org.takedown.operation.OperationService;
import org.takedown.security.Roles;

/** The Telegram channels and groups an operation warns, with each one's preflight status (may the bot post there?). */
@Path("/console/operations/{id: [0-9]+}/telegram-targets")
@Produces(MediaType.TEXT_HTML)
public class TelegramTargetsSection {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance telegramTargets(
                Operation op,
                List<TelegramTarget> targets,
                boolean editable,
                boolean mayCheck,
                FormErrors errors,
                String saved,
                Map<String, String> typed);
    }

    @Inject
    OperationService operations;

    @Inject
    TelegramTargetService targets;

    @Inject
    PreflightService preflight;

    @Inject
    ConsoleForms forms;

    @Inject
    ConsoleUser user;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public TemplateInstance show(@PathParam("id") long id) {
        return render(id, FormErrors.NONE, null, Map.of());
    }

    @POST
    @RolesAllowed(Roles.OFFICER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(
            @PathParam("id") long id, @RestForm String chat, @RestForm String title, @RestForm String language) {
        TelegramTargetRequest request =
                new TelegramTargetRequest(FormInput.text(chat), FormInput.text(title), FormInput.text(language));
        ConsoleForms.Submitted<TelegramTarget> added =
                forms.submit(request, () -> targets.add(user.name(), id, request));
        return respond(
                id,
                added.errors(),
                added.ok() ? "Added " + request.chat() + "." : null,
                added.ok() ? Map.of() : ConsoleForms.typed("chat", chat, "title", title, "language", language));
    }

    @POST
    @Path("{targetId}/remove")
    @RolesAllowed(Roles.OFFICER)
    public Response remove(@PathParam("id") long id, @PathParam("targetId") long targetId) {
        ConsoleForms.Submitted<Object> removed = forms.act(() -> {
            targets.remove(user.name(), id, targetId);
            return null;
        });
        return respond(id, removed.errors(), removed.ok() ? "Removed." : null, Map.of());
    }

    /** Asks Telegram, for every target, whether the bot is there and may post. */
    @POST
    @Path("preflight")
    @RolesAllowed({Roles.OFFICER, Roles.APPROVER})
    public Response check(@PathParam("id") long id) {
        ConsoleForms.Submitted<List<TelegramTarget>> checked = forms.act(() -> preflight.run(user.name(), id));
        if (!checked.ok()) {
            return respond(id, checked.errors(), null, Map.of());
        }
        // The targets as the preflight recorded them: this request read them before the check, so a new read would
        // return those earlier copies.
        Operation op = operations.get(id);
        return Response.ok(
                        Templates.telegramTargets(
                                        op,
                                        checked.value(),
                                        user.mayEdit(op),
                                        mayCheck(op),
                                        FormErrors.NONE,
                                        "Checked " + checked.value().size() + " targets.",
                                        Map.of())
                                .render(),
                        MediaType.TEXT_HTML)
                .build();
    }

    private Response respond(long id, FormErrors errors, String saved, Map<String, String> typed) {
        return FormAnswer.of(render(id, errors, saved, typed), errors, saved != null);
    }

    private TemplateInstance render(long id, FormErrors errors, String saved, Map<String, String> typed) {
        Operation op = operations.get(id);
        return Templates.telegramTargets(
                op, targets.list(id, null).list(), user.mayEdit(op), mayCheck(op), errors, saved, typed);
    }

    private boolean mayCheck(Operation op) {
        return (user.officer() || user.approver()) && !op.status.isOver();
    }
}
