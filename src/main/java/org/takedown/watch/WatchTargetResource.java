package org.takedown.watch;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.takedown.common.Page;
import org.takedown.common.PageRequest;
import org.takedown.common.ProblemException;
import org.takedown.security.Roles;

@Path("/api/operations/{id}/watch-targets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WatchTargetResource {

    @Inject
    WatchTargetService targets;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Page<WatchTargetView> list(
            @PathParam("id") long id, @Valid @BeanParam PageRequest page, @QueryParam("kind") String kind) {
        return Page.of(targets.list(id, parseKind(kind)), page, WatchTargetView::of);
    }

    @POST
    @RolesAllowed(Roles.OFFICER)
    public Response add(@PathParam("id") long id, @Valid @NotNull WatchTargetRequest request) {
        return Response.status(201)
                .entity(WatchTargetView.of(targets.add(actor(), id, request)))
                .build();
    }

    @PUT
    @Path("/{targetId}")
    @RolesAllowed(Roles.OFFICER)
    public WatchTargetView update(
            @PathParam("id") long id,
            @PathParam("targetId") long targetId,
            @Valid @NotNull WatchTargetRequest request) {
        return WatchTargetView.of(targets.update(actor(), id, targetId, request));
    }

    @GET
    @Path("/{targetId}")
    @RolesAllowed(Roles.VIEWER)
    public WatchTargetView get(@PathParam("id") long id, @PathParam("targetId") long targetId) {
        return WatchTargetView.of(targets.get(id, targetId));
    }

    /** The posts read from a watched channel, newest first. */
    @GET
    @Path("/{targetId}/posts")
    @RolesAllowed(Roles.VIEWER)
    public Page<PostView> posts(
            @PathParam("id") long id, @PathParam("targetId") long targetId, @Valid @BeanParam PageRequest page) {
        return Page.of(targets.posts(id, targetId), page, PostView::of);
    }

    @DELETE
    @Path("/{targetId}")
    @RolesAllowed(Roles.OFFICER)
    public Response remove(@PathParam("id") long id, @PathParam("targetId") long targetId) {
        targets.remove(actor(), id, targetId);
        return Response.noContent().build();
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private static WatchTargetKind parseKind(String kind) {
        if (kind == null) {
            return null;
        }
        return Arrays.stream(WatchTargetKind.values())
                .filter(k -> k.name().equals(kind))
                .findFirst()
                .orElseThrow(() -> ProblemException.invalidField(
                        400, "kind", "must be one of " + Arrays.toString(WatchTargetKind.values())));
    }

    public record WatchTargetView(
            long id,
            long operationId,
            WatchTargetKind kind,
            String value,
            String note,
            Instant createdAt,
            WatchTarget.ReadStatus lastReadStatus,
            String lastReadDetail,
            Instant lastReadAt,
            Long lastSeenPost,
            String channelTitle,
            String channelDescription,
            Long subscribers,
            Integer readEverySeconds,
            Instant nextReadAt,
            DomainProbe.Takedown takedown,
            String alert,
            Instant alertAt) {

        static WatchTargetView of(WatchTarget t) {
            return new WatchTargetView(
                    t.id,
                    t.operationId,
                    t.kind,
                    t.value,
                    t.note,
                    t.createdAt,
                    t.lastReadStatus,
                    t.lastReadDetail,
                    t.lastReadAt,
                    t.lastSeenPost,
                    t.channelTitle,
                    t.channelDescription,
                    t.subscribers,
                    t.readEverySeconds,
                    t.nextReadAt,
                    t.takedown,
                    t.alert,
                    t.alertAt);
        }
    }

    /** A watched domain's history: a row whenever a probe found something different, newest first. */
    @GET
    @Path("/{targetId}/history")
    @RolesAllowed(Roles.VIEWER)
    public Page<ProbeView> history(
            @PathParam("id") long id, @PathParam("targetId") long targetId, @Valid @BeanParam PageRequest page) {
        return Page.of(targets.history(id, targetId), page, ProbeView::of);
    }

    public record ProbeView(
            long id,
            Instant probedAt,
            List<String> a,
            List<String> aaaa,
            List<String> cname,
            List<String> ns,
            String dnsError,
            Integer httpStatus,
            String finalUrl,
            List<String> redirects,
            String title,
            String textSha256,
            Double similarity,
            String fetchError,
            String tlsSubject,
            String tlsIssuer,
            Instant tlsNotBefore,
            Instant tlsNotAfter,
            Boolean bannerShown,
            Boolean resolvesToIngress,
            DomainProbe.Takedown takedown,
            String changes,
            Long captureId) {

        static ProbeView of(DomainProbe p) {
            return new ProbeView(
                    p.id,
                    p.probedAt,
                    DomainProbe.split(p.dnsA),
                    DomainProbe.split(p.dnsAaaa),
                    DomainProbe.split(p.dnsCname),
                    DomainProbe.split(p.dnsNs),
                    p.dnsError,
                    p.httpStatus,
                    p.finalUrl,
                    DomainProbe.split(p.redirects),
                    p.title,
                    p.textSha256,
                    p.similarity,
                    p.fetchError,
                    p.tlsSubject,
                    p.tlsIssuer,
                    p.tlsNotBefore,
                    p.tlsNotAfter,
                    p.bannerShown,
                    p.resolvesToIngress,
                    p.takedown,
                    p.changes,
                    p.captureId);
        }
    }

    /**
     * A post as first read ({@code captureId} is its evidence); {@code edited} when Telegram marks it so or a later read
     * found other text, each of which is in {@code edits}, oldest first, with its own capture.
     */
    public record PostView(
            long postId,
            Instant postedAt,
            String text,
            String attachmentText,
            List<String> links,
            List<String> mentions,
            Long views,
            String forwardedFrom,
            String forwardedFromHandle,
            ChannelPost.MediaKind media,
            int mediaCount,
            String previewUrl,
            boolean service,
            Instant firstSeenAt,
            Long captureId,
            boolean edited,
            List<EditView> edits) {

        static PostView of(WatchPost p) {
            List<EditView> edits = !p.edited
                    ? List.of()
                    : WatchPostEdit.<WatchPostEdit>list("watchPostId", io.quarkus.panache.common.Sort.by("id"), p.id)
                            .stream()
                            .map(EditView::of)
                            .toList();
            return new PostView(
                    p.postId,
                    p.postedAt,
                    p.text,
                    p.attachmentText,
                    p.linkList(),
                    p.mentionList(),
                    p.views,
                    p.forwardedFrom,
                    p.forwardedFromHandle,
                    p.media,
                    p.mediaCount,
                    p.previewUrl,
                    p.service,
                    p.firstSeenAt,
                    p.captureId,
                    p.edited,
                    edits);
        }
    }

    /** A later text of a post, as a read found it. */
    public record EditView(
            String text,
            String attachmentText,
            List<String> links,
            List<String> mentions,
            Instant seenAt,
            Long captureId) {

        static EditView of(WatchPostEdit e) {
            return new EditView(e.text, e.attachmentText, e.linkList(), e.mentionList(), e.seenAt, e.captureId);
        }
    }
}
