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
import java.util.List;
import java.util.Map;
import org.takedown.common.Page;
import org.takedown.common.PageRequest;
import org.takedown.delivery.Delivery;
import org.takedown.delivery.DeliveryStatus;
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
    public Page<DeliveryView> deliveries(
            @PathParam("id") long id,
            @QueryParam("runId") @Pattern(regexp = LedgerFilter.ID, message = LedgerFilter.ID_MESSAGE) String runId,
            @QueryParam("status") @Size(max = 32) String status,
            @Valid @BeanParam PageRequest page) {
        return Page.ofAll(
                deliveries.deliveries(id, LedgerFilter.idOf(runId), status),
                page,
                rows -> DeliveryView.of(rows, deliveries));
    }

    @POST
    @Path("/{deliveryId}/mark-sent")
    @RolesAllowed(Roles.OFFICER)
    public DeliveryView markSent(
            @PathParam("id") long id,
            @PathParam("deliveryId") long deliveryId,
            @Valid @NotNull ResolveRequest request) {
        return DeliveryView.of(
                deliveries.markSent(identity.getPrincipal().getName(), id, deliveryId, request), deliveries);
    }

    @POST
    @Path("/{deliveryId}/resend")
    @RolesAllowed(Roles.OFFICER)
    public DeliveryView resend(
            @PathParam("id") long id,
            @PathParam("deliveryId") long deliveryId,
            @Valid @NotNull ResolveRequest request) {
        return DeliveryView.of(
                deliveries.resend(identity.getPrincipal().getName(), id, deliveryId, request), deliveries);
    }

    /**
     * A ledger row: {@code chat} is where it is sent; {@code messageId} Telegram's id of the sent message; the notice,
     * target, language, pin and photo are those of a Telegram row (null for another channel's).
     */
    public record DeliveryView(
            long id,
            String channel,
            long operationId,
            long runId,
            Long noticeId,
            Long targetId,
            int part,
            int parts,
            String chat,
            String language,
            DeliveryStatus status,
            int attempts,
            Instant notBefore,
            Long messageId,
            String providerId,
            Instant sentAt,
            Instant deliveredAt,
            TelegramDelivery.PinStatus pinStatus,
            String detail,
            String resolvedBy,
            Instant updatedAt,
            String payload,
            String photoSha256) {

        public static DeliveryView of(Delivery d, DeliveryService deliveries) {
            return of(List.of(d), deliveries).get(0);
        }

        public static List<DeliveryView> of(List<Delivery> rows, DeliveryService deliveries) {
            Map<Long, TelegramDelivery> telegram = deliveries.telegramOf(rows);
            return rows.stream()
                    .map(d -> {
                        TelegramDelivery t = telegram.get(d.id);
                        return new DeliveryView(
                                d.id,
                                d.channel,
                                d.operationId,
                                d.runId,
                                t == null ? null : t.noticeId,
                                t == null ? null : t.targetId,
                                d.part,
                                d.parts,
                                d.address,
                                t == null ? null : t.language,
                                d.status,
                                d.attempts,
                                d.notBefore,
                                messageId(d),
                                d.providerId,
                                d.sentAt,
                                d.deliveredAt,
                                t == null ? null : t.pinStatus,
                                d.detail,
                                d.resolvedBy,
                                d.updatedAt,
                                d.payload,
                                t == null ? null : t.photoSha256);
                    })
                    .toList();
        }

        private static Long messageId(Delivery d) {
            if (d.providerId == null || !TelegramChannel.NAME.equals(d.channel)) {
                return null;
            }
            try {
                return Long.parseLong(d.providerId);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
