package org.takedown.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.takedown.audit.AuditLog;
import org.takedown.common.ProblemException;

/**
 * The two ways an officer resolves a row nobody can vouch for, whatever its channel: they checked and found the message
 * (mark it sent, with the provider's id if they saw it), or found it missing (send it again, paced like any other).
 * Both are audited with the officer's note.
 */
@ApplicationScoped
public class DeliveryResolution {

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    Receipts receipts;

    @Transactional
    public Delivery markSent(String actor, long operationId, long deliveryId, String note, String providerId) {
        Delivery row = locked(operationId, deliveryId);
        if (row.status != DeliveryStatus.UNKNOWN) {
            throw ProblemException.conflict("Only UNKNOWN deliveries can be marked sent; this one is " + row.status);
        }
        Instant now = clock.instant();
        row.status = DeliveryStatus.SENT;
        row.providerId = providerId;
        row.sentAt = row.sentAt == null ? now : row.sentAt;
        row.resolvedBy = actor;
        row.detail = DeliveryLedger.clip("marked sent by " + actor + ": " + note);
        row.updatedAt = now;
        receipts.applyWaiting(row);
        audit.recordFor(
                row.operationId,
                actor,
                "DELIVERY_MARKED_SENT",
                DeliveryLedger.ENTITY,
                row.id,
                summary(row, note, providerId));
        return row;
    }

    @Transactional
    public Delivery resend(String actor, long operationId, long deliveryId, String note) {
        Delivery row = locked(operationId, deliveryId);
        if (row.status != DeliveryStatus.UNKNOWN && row.status != DeliveryStatus.FAILED_RETRYABLE) {
            throw ProblemException.conflict(
                    "Only UNKNOWN or FAILED_RETRYABLE deliveries can be resent; this one is " + row.status);
        }
        Instant now = clock.instant();
        row.status = DeliveryStatus.PENDING;
        row.attempts = 0;
        row.notBefore = now;
        row.claimToken = null;
        row.claimedBy = null;
        row.resolvedBy = actor;
        row.detail = DeliveryLedger.clip("resend requested by " + actor + ": " + note);
        row.updatedAt = now;
        audit.recordFor(
                row.operationId, actor, "DELIVERY_RESENT", DeliveryLedger.ENTITY, row.id, summary(row, note, null));
        return row;
    }

    private static Delivery locked(long operationId, long deliveryId) {
        Delivery row = Delivery.findById(deliveryId, LockModeType.PESSIMISTIC_WRITE);
        if (row == null || row.operationId != operationId) {
            throw ProblemException.notFound("Delivery " + deliveryId + " of operation " + operationId);
        }
        return row;
    }

    private static Map<String, Object> summary(Delivery row, String note, String providerId) {
        Map<String, Object> summary = DeliveryLedger.summary(row);
        summary.put("note", note);
        if (providerId != null) {
            summary.put("providerId", providerId);
        }
        return summary;
    }
}
