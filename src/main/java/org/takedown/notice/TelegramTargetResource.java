package org.takedown.notice;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import java.util.List;
import org.takedown.common.Page;
import org.takedown.common.PageRequest;
import org.takedown.security.Roles;

@Path("/api/operations/{id}/telegram-targets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TelegramTargetResource {

    @Inject
    TelegramTargetService targets;

    @Inject
    PreflightService preflight;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Page<TargetView> list(
            @PathParam("id") long id,
            @Valid @BeanParam PageRequest page,
            @QueryParam("q") @Size(max = 200) String text) {
        return Page.of(targets.list(id, text), page, TargetView::of);
    }

    @POST
    @RolesAllowed(Roles.OFFICER)
    public Response add(@PathParam("id") long id, @Valid @NotNull TelegramTargetRequest request) {
        return Response.status(201)
                .entity(TargetView.of(targets.add(actor(), id, request)))
                .build();
    }

    @PUT
    @Path("/{targetId}")
    @RolesAllowed(Roles.OFFICER)
    public TargetView update(
            @PathParam("id") long id,
            @PathParam("targetId") long targetId,
            @Valid @NotNull TelegramTargetRequest request) {
        return TargetView.of(targets.update(actor(), id, targetId, request));
    }

    @DELETE
    @Path("/{targetId}")
    @RolesAllowed(Roles.OFFICER)
    public Response remove(@PathParam("id") long id, @PathParam("targetId") long targetId) {
        targets.remove(actor(), id, targetId);
        return Response.noContent().build();
    }

    /** Asks Telegram, for every target, whether the bot can post there; the results stay on the targets. */
    @POST
    @Path("/preflight")
    @RolesAllowed({Roles.OFFICER, Roles.APPROVER})
    public List<TargetView> preflight(@PathParam("id") long id) {
        return preflight.run(actor(), id).stream().map(TargetView::of).toList();
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    public record TargetView(
            long id,
            long operationId,
            String chat,
            String username,
            Long chatId,
            String title,
            String language,
            String chatType,
            String chatTitle,
            PreflightStatus preflightStatus,
            String preflightDetail,
            Instant preflightAt,
            boolean suspended,
            Instant createdAt) {

        static TargetView of(TelegramTarget t) {
            return new TargetView(
                    t.id,
                    t.operationId,
                    t.chat(),
                    t.username,
                    t.chatId,
                    t.title,
                    t.language,
                    t.chatType,
                    t.chatTitle,
                    t.preflightStatus,
                    t.preflightDetail,
                    t.preflightAt,
                    t.suspended,
                    t.createdAt);
        }
    }
}
