package org.takedown.notice;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.takedown.common.Page;
import org.takedown.common.PageRequest;
import org.takedown.security.Roles;

/**
 * The delivery ledger of an operation, row by row, and the two ways an officer resolves an UNKNOWN row: mark it sent
 * after checking the chat, or resend it. In dry-run (no bot token) rows end DRY_RUN with the exact payload that would
 * have been sent.
 */
@Path("/api/operations/{id}/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeliveryResource {

    @Inject
    DeliveryService deliveries;
    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Page<DeliveryView> deliveries(@PathParam("id") long id,
            @QueryParam("runId") @Pattern(regexp = LedgerFilter.ID, message = LedgerFilter.ID_MESSAGE) String runId,
            @QueryParam("status") @Size(max = 32) String status, @Valid @BeanParam PageRequest page) {
        return Page.of(deliveries.deliveries(id, LedgerFilter.idOf(runId), status), page, DeliveryView::of);
    }

    @POST
    @Path("/{deliveryId}/mark-sent")
    @RolesAllowed(Roles.OFFICER)
    public DeliveryView markSent(@PathParam("id") long id, @PathParam("deliveryId") long deliveryId,
            @Valid @NotNull ResolveRequest request) {
        return DeliveryView.of(deliveries.markSent(identity.getPrincipal().getName(), id, deliveryId, request));
    }

    @POST
    @Path("/{deliveryId}/resend")
    @RolesAllowed(Roles.OFFICER)
    public DeliveryView resend(@PathParam("id") long id, @PathParam("deliveryId") long deliveryId,
            @Valid @NotNull ResolveRequest request) {
        return DeliveryView.of(deliveries.resend(identity.getPrincipal().getName(), id, deliveryId, request));
    }

    public record DeliveryView(long id, long operationId, long runId, long noticeId, long targetId, int part, int parts, String chat,
            String language, DeliveryStatus status, int attempts, Instant notBefore, Long messageId, Instant sentAt,
            Delivery.PinStatus pinStatus, String detail, String resolvedBy, Instant updatedAt, String payload, String photoSha256) {

        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.id, d.operationId, d.runId, d.noticeId, d.targetId, d.part, d.parts, d.chat, d.language, d.status,
                    d.attempts, d.notBefore, d.messageId, d.sentAt, d.pinStatus, d.detail, d.resolvedBy, d.updatedAt, d.payload, d.photoSha256);
        }
    }
}
