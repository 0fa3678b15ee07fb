package org.takedown.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import org.takedown.common.TextClip;

/**
 * Delivery receipts, a step of the engine after SENT: a receipt names the provider's id of a message; the row with that
 * id becomes DELIVERED, or FAILED_PERMANENT (its channel told, e.g. to suppress the recipient), or after a temporary
 * failure RETRY_AT or FAILED_RETRYABLE as its channel decides. Every receipt is kept: one that arrives before the row
 * knows its provider id (a receipt faster than the answer to the send) is applied when the row records the id; one
 * for an unknown id stays on record. Telegram sends none.
 */
@ApplicationScoped
public class Receipts {

    private static final Logger LOG = Logger.getLogger(Receipts.class);

    @Inject
    Channels channels;
    @Inject
    DeliveryMetrics metrics;
    @Inject
    Clock clock;

    /** Records a receipt and applies it to its row if there is one; returns the receipt. */
    @Transactional
    public DeliveryReceipt record(String channel, String providerId, DeliveryReceipt.Status status, String detail) {
        DeliveryReceipt receipt = new DeliveryReceipt();
        receipt.channel = channel;
        receipt.providerId = providerId;
        receipt.status = status;
        receipt.detail = TextClip.clip(detail, 500);
        receipt.receivedAt = clock.instant();
        receipt.persist();
        Delivery row = Delivery.<Delivery>find("channel = ?1 and providerId = ?2", channel, providerId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (row == null) {
            LOG.infof("Receipt %s for %s message %s kept: no row has that id (yet)", status, channel, providerId);
            metrics.receipt(channel, false, 1);
            return receipt;
        }
        apply(row, receipt);
        return receipt;
    }

    /** In the transaction that gave the row its provider id: receipts that came before it are applied now. */
    @Transactional(Transactional.TxType.MANDATORY)
    void applyWaiting(Delivery row) {
        if (row.providerId == null) {
            return;
        }
        List<DeliveryReceipt> waiting = DeliveryReceipt.list("channel = ?1 and providerId = ?2 and deliveryId is null order by id",
                row.channel, row.providerId);
        waiting.forEach(receipt -> apply(row, receipt));
    }

    private void apply(Delivery row, DeliveryReceipt receipt) {
        receipt.deliveryId = row.id;
        receipt.appliedAt = clock.instant();
        metrics.receipt(row.channel, true, 1);
        if (row.status != DeliveryStatus.SENT && row.status != DeliveryStatus.DELIVERED) {
            return; // resolved otherwise meanwhile (an officer, a resend): the receipt stays on record
        }
        Instant now = clock.instant();
        switch (receipt.status) {
            case DELIVERED -> {
                row.status = DeliveryStatus.DELIVERED;
                row.deliveredAt = row.deliveredAt == null ? now : row.deliveredAt;
            }
            case FAILED_PERMANENT -> {
                if (row.status == DeliveryStatus.DELIVERED) {
                    return; // a late or duplicated receipt does not undo a delivery
                }
                row.status = DeliveryStatus.FAILED_PERMANENT;
                row.detail = DeliveryLedger.clip("receipt: " + receipt.detail);
                channels.get(row.channel).receiptFailed(row, true, receipt.detail);
            }
            case FAILED_TEMPORARY -> {
                if (row.status == DeliveryStatus.DELIVERED) {
                    return;
                }
                boolean again = channels.get(row.channel).receiptFailed(row, false, receipt.detail)
                        && (row.notAfter == null || row.notAfter.isAfter(now));
                row.status = again ? DeliveryStatus.RETRY_AT : DeliveryStatus.FAILED_RETRYABLE;
                row.notBefore = again ? now : row.notBefore;
                row.attempts++;
                row.detail = DeliveryLedger.clip("receipt: " + receipt.detail + (again ? "; sent again" : ""));
            }
            case PROGRESS -> {
                return;
            }
        }
        row.updatedAt = now;
        metrics.entered(row.channel, row.status);
    }
}
