package org.takedown.notice;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.takedown.common.Page;
import org.takedown.common.PageRequest;
import org.takedown.security.Roles;

@Path("/api/operations/{id}/notices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NoticeResource {

    @Inject
    NoticeService notices;

    @Inject
    RunQueue runs;

    @Inject
    DeliveryService deliveries;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Page<NoticeView> list(@PathParam("id") long id, @Valid @BeanParam PageRequest page) {
        String zone = notices.zone(id);
        return Page.of(notices.list(id), page, n -> NoticeView.of(n, zone));
    }

    @POST
    @RolesAllowed(Roles.OFFICER)
    public Response add(@PathParam("id") long id, @Valid @NotNull NoticeRequest request) {
        return Response.status(201)
                .entity(NoticeView.of(notices.add(actor(), id, request), notices.zone(id)))
                .build();
    }

    @PUT
    @Path("/{noticeId}")
    @RolesAllowed(Roles.OFFICER)
    public NoticeView update(
            @PathParam("id") long id, @PathParam("noticeId") long noticeId, @Valid @NotNull NoticeRequest request) {
        return NoticeView.of(notices.update(actor(), id, noticeId, request), notices.zone(id));
    }

    @DELETE
    @Path("/{noticeId}")
    @RolesAllowed(Roles.OFFICER)
    public Response remove(@PathParam("id") long id, @PathParam("noticeId") long noticeId) {
        notices.remove(actor(), id, noticeId);
        return Response.noContent().build();
    }

    /**
     * The raw image as the body ({@code Content-Type: image/png} or {@code image/jpeg}, at most 1 MB (the request limit), within Telegram's
     * photo limits): each target's first message becomes a photo with the text as its caption.
     */
    @PUT
    @Path("/{noticeId}/image")
    @Consumes({NoticeImageCheck.PNG, NoticeImageCheck.JPEG})
    @RolesAllowed(Roles.OFFICER)
    public NoticeView setImage(
            @PathParam("id") long id,
            @PathParam("noticeId") long noticeId,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            byte[] body) {
        return NoticeView.of(
                notices.setImage(actor(), id, noticeId, contentType, body == null ? new byte[0] : body),
                notices.zone(id));
    }

    @DELETE
    @Path("/{noticeId}/image")
    @RolesAllowed(Roles.OFFICER)
    public NoticeView removeImage(@PathParam("id") long id, @PathParam("noticeId") long noticeId) {
        return NoticeView.of(notices.removeImage(actor(), id, noticeId), notices.zone(id));
    }

    /** Served as an inert image: the officer host never runs an uploaded file. */
    @GET
    @Path("/{noticeId}/image")
    @Produces({NoticeImageCheck.PNG, NoticeImageCheck.JPEG})
    @RolesAllowed(Roles.VIEWER)
    public Response image(@PathParam("id") long id, @PathParam("noticeId") long noticeId) {
        NoticeImage image = notices.image(id, noticeId);
        return Response.ok(image.bytes, image.contentType)
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.ETAG, "\"" + image.sha256 + "\"")
                .build();
    }

    /** The Telegram messages each language becomes (split parts included), with their lengths, or the problems. */
    @GET
    @Path("/{noticeId}/preview")
    @RolesAllowed(Roles.VIEWER)
    public List<NoticeRenderer.Rendered> preview(@PathParam("id") long id, @PathParam("noticeId") long noticeId) {
        return notices.preview(id, noticeId);
    }

    /** Sends the notice now (the operation must be ACTIVE): a run, and one ledger row per target and message. */
    @POST
    @Path("/{noticeId}/runs")
    @RolesAllowed(Roles.OFFICER)
    public Response sendNow(@PathParam("id") long id, @PathParam("noticeId") long noticeId) {
        NoticeRun run = runs.sendNow(actor(), id, noticeId);
        return Response.status(201)
                .entity(RunResource.RunView.of(run, deliveries.counts(run.id)))
                .build();
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    public record NoticeView(
            long id,
            long operationId,
            String title,
            String defaultLanguage,
            Map<String, String> texts,
            boolean pin,
            boolean allTargets,
            List<Long> targetIds,
            NoticeOverflow overflow,
            boolean silent,
            NoticeSchedule schedule,
            String imageSha256,
            String blockedReason,
            Instant createdAt,
            Instant updatedAt) {

        static NoticeView of(Notice n, String zone) {
            return new NoticeView(
                    n.id,
                    n.operationId,
                    n.title,
                    n.defaultLanguage,
                    new TreeMap<>(n.texts),
                    n.pin,
                    n.allTargets,
                    n.targetIds.stream().sorted().toList(),
                    n.overflow,
                    n.silent,
                    NoticeSchedule.of(n, zone),
                    n.imageSha256,
                    n.blockedReason,
                    n.createdAt,
                    n.updatedAt);
        }
    }
}
