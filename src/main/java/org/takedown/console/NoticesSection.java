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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;
import org.takedown.common.ProblemException;
import org.takedown.notice.Notice;
import org.takedown.notice.NoticeImage;
import org.takedown.notice.NoticeOverflow;
import org.takedown.notice.NoticeRenderer;
import org.takedown.notice.NoticeRun;
import org.takedown.notice.NoticeService;
import org.takedown.notice.RunQueue;
import org.takedown.notice.TelegramTarget;
import org.takedown.notice.TelegramTargetService;
import org.takedown.operation.Operation;
import org.takedown.operation.OperationService;
import org.takedown.operation.OperationStatus;
import org.takedown.security.Roles;

/**
 * The notices of an operation: each one's languages and schedule, a Telegram-style preview with length and lint as
 * the officer types (the real renderer and checks, the ones approval and sending use), and "send now" for an active
 * operation, which opens the run's delivery report.
 */
@Path("/console/operations/{id: [0-9]+}/notices")
@Produces(MediaType.TEXT_HTML)
public class NoticesSection {

    /** Telegram's HTML subset is a subset of this list; anything else an officer types is shown as text. */
    private static final Safelist TELEGRAM_HTML = Safelist.basic().addTags("s", "del", "ins", "tg-spoiler");

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance notices(
                Operation op,
                List<Notice> notices,
                List<TelegramTarget> targets,
                boolean editable,
                boolean maySend,
                NoticeForm form,
                Notice editing,
                FormErrors errors,
                String saved);

        static native TemplateInstance noticePreview(List<Preview> previews);
    }

    /** One language as Telegram would show it: safe HTML of each message, its length against its limit, problems. */
    public record Preview(
            String language,
            List<String> messages,
            List<Integer> lengths,
            List<Integer> limits,
            List<String> problems) {}

    @Inject
    OperationService operations;

    @Inject
    NoticeService notices;

    @Inject
    NoticeRenderer renderer;

    @Inject
    TelegramTargetService targets;

    @Inject
    RunQueue runs;

    @Inject
    ConsoleForms forms;

    @Inject
    ConsoleUser user;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public TemplateInstance show(@PathParam("id") long id) {
        return render(id, NoticeForm.blank(), null, FormErrors.NONE, null);
    }

    /** The section with the notice's form filled in, to change it. */
    @GET
    @Path("{noticeId: [0-9]+}/edit")
    @RolesAllowed(Roles.OFFICER)
    public TemplateInstance edit(@PathParam("id") long id, @PathParam("noticeId") long noticeId) {
        return render(id, NoticeForm.of(notices.get(id, noticeId), notices.zone(id)), noticeId, FormErrors.NONE, null);
    }

    @POST
    @RolesAllowed(Roles.OFFICER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@PathParam("id") long id, @BeanParam NoticeForm form) {
        FormInput input = new FormInput();
        var request = form.toRequest(input);
        ConsoleForms.Submitted<Notice> added =
                forms.submit(input, request, () -> notices.add(user.name(), id, request));
        return FormAnswer.of(
                added.ok()
                        ? render(id, NoticeForm.blank(), null, added.errors(), "Added " + request.title() + ".")
                        : render(id, form, null, added.errors(), null),
                added.errors(),
                true);
    }

    @POST
    @Path("{noticeId: [0-9]+}")
    @RolesAllowed(Roles.OFFICER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, @PathParam("noticeId") long noticeId, @BeanParam NoticeForm form) {
        FormInput input = new FormInput();
        var request = form.toRequest(input);
        ConsoleForms.Submitted<Notice> saved =
                forms.submit(input, request, () -> notices.update(user.name(), id, noticeId, request));
        return FormAnswer.of(
                saved.ok()
                        ? render(id, NoticeForm.blank(), null, saved.errors(), "Saved " + request.title() + ".")
                        : render(id, form, noticeId, saved.errors(), null),
                saved.errors(),
                true);
    }

    @POST
    @Path("{noticeId}/remove")
    @RolesAllowed(Roles.OFFICER)
    public Response remove(@PathParam("id") long id, @PathParam("noticeId") long noticeId) {
        ConsoleForms.Submitted<Object> removed = forms.act(() -> {
            notices.remove(user.name(), id, noticeId);
            return null;
        });
        return FormAnswer.of(
                render(id, NoticeForm.blank(), null, removed.errors(), removed.ok() ? "Removed." : null),
                removed.errors(),
                true);
    }

    /** The form as typed, rendered and checked as Telegram will get it; nothing is saved. */
    @POST
    @Path("preview")
    @RolesAllowed(Roles.OFFICER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance preview(@PathParam("id") long id, @BeanParam NoticeForm form, @RestForm String noticeId) {
        Operation op = operations.get(id);
        FormInput input = new FormInput();
        NoticeOverflow overflow = input.choice(NoticeOverflow.class, "overflow", form.overflow);
        // A notice being edited keeps its image: its first message is then a photo caption.
        Long editing = input.id("noticeId", noticeId);
        boolean image = editing != null && notices.get(id, editing).imageSha256 != null;
        List<Preview> previews = new ArrayList<>();
        for (Map.Entry<String, String> text : form.texts().entrySet()) {
            if (text.getValue().isBlank()) {
                continue;
            }
            NoticeRenderer.Rendered rendered = renderer.render(
                    op, text.getKey(), text.getValue(), overflow == null ? NoticeOverflow.REFUSE : overflow, image);
            List<Integer> limits = IntStream.range(0, rendered.messages().size())
                    .map(rendered::limit)
                    .boxed()
                    .toList();
            previews.add(new Preview(
                    text.getKey(),
                    rendered.messages().stream().map(NoticesSection::safeHtml).toList(),
                    rendered.lengths(),
                    limits,
                    rendered.problems()));
        }
        return Templates.noticePreview(previews);
    }

    /** Sets the image sent as a photo with the notice's first message; the notice stays open for editing. */
    @POST
    @Path("{noticeId: [0-9]+}/image")
    @RolesAllowed(Roles.OFFICER)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response setImage(
            @PathParam("id") long id, @PathParam("noticeId") long noticeId, @RestForm FileUpload image) {
        ConsoleForms.Submitted<Notice> set = forms.act(() -> {
            if (!UploadedFiles.present(image)) {
                throw ProblemException.invalidField(400, "image", "choose a PNG or JPEG file");
            }
            return notices.setImage(user.name(), id, noticeId, image.contentType(), UploadedFiles.read(image));
        });
        return editedImage(id, noticeId, set.errors(), "Set the image.");
    }

    @POST
    @Path("{noticeId: [0-9]+}/image/remove")
    @RolesAllowed(Roles.OFFICER)
    public Response removeImage(@PathParam("id") long id, @PathParam("noticeId") long noticeId) {
        return editedImage(
                id,
                noticeId,
                forms.act(() -> notices.removeImage(user.name(), id, noticeId)).errors(),
                "Removed the image.");
    }

    /** The image, for the page's own img tag (the console session cannot open the API). Never rendered as a page. */
    @GET
    @Path("{noticeId: [0-9]+}/image")
    @RolesAllowed(Roles.VIEWER)
    @Produces({"image/png", "image/jpeg"})
    public Response image(@PathParam("id") long id, @PathParam("noticeId") long noticeId) {
        NoticeImage image = notices.image(id, noticeId);
        return Response.ok(image.bytes, image.contentType)
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("Cache-Control", "private, max-age=300")
                .build();
    }

    @POST
    @Path("{noticeId}/send")
    @RolesAllowed(Roles.OFFICER)
    public Response send(@PathParam("id") long id, @PathParam("noticeId") long noticeId) {
        ConsoleForms.Submitted<NoticeRun> run = forms.act(() -> runs.sendNow(user.name(), id, noticeId));
        if (run.ok()) {
            return Response.noContent()
                    .header("HX-Redirect", "/console/operations/" + id + "/runs/" + run.value().id)
                    .build();
        }
        return Response.status(422)
                .type(MediaType.TEXT_HTML)
                .entity(render(id, NoticeForm.blank(), null, run.errors(), null).render())
                .build();
    }

    /**
     * Telegram HTML as the console may show it: the tags Telegram formats, everything else escaped or dropped; a link
     * shows its text and its address, but leads nowhere from the console.
     */
    static String safeHtml(String telegramHtml) {
        Element body = Jsoup.parseBodyFragment(Jsoup.clean(telegramHtml.replace("\n", "<br>"), TELEGRAM_HTML))
                .body();
        for (Element link : body.select("a")) {
            link.replaceWith(
                    new Element("span").addClass("tg-link").text(link.text() + " (" + link.attr("href") + ")"));
        }
        return body.html();
    }

    /** The section after the notice's image changed (or was refused): still editing that notice, as saved. */
    private Response editedImage(long id, long noticeId, FormErrors errors, String done) {
        Notice notice = notices.get(id, noticeId);
        return FormAnswer.of(
                render(id, NoticeForm.of(notice, notices.zone(id)), noticeId, errors, errors.any() ? null : done),
                errors,
                true);
    }

    /** The section, its form adding a notice or, when {@code editing}, changing that one. */
    private TemplateInstance render(long id, NoticeForm form, Long editing, FormErrors errors, String saved) {
        Operation op = operations.get(id);
        boolean editable = user.mayEdit(op);
        boolean maySend = user.officer() && op.status == OperationStatus.ACTIVE;
        return Templates.notices(
                op,
                notices.list(id).list(),
                editable ? targets.list(id, null).list() : List.of(),
                editable,
                maySend,
                form,
                editable && editing != null ? notices.get(id, editing) : null,
                errors,
                saved);
    }
}
