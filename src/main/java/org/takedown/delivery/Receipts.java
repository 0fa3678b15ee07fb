package org.takedown.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import org.takedown.common.TextClip;

/**
 * Delivery receipts, a step of the engine after SENT: a receipt names the provider's id of a message; the row with that
 * id becomes DELIVERED, or FAILED_PERMANENT (its channel told, e.g. to suppress the recipient), or after a temporary
 * failure RETRY_AT or FAILED_RETRYABLE as its channel decides, or after a technical one (the provider could not pass it
 * on) RETRY_AT with a backoff while attempts and its window last. Every receipt is kept: one that arrives before the row
 * knows its provider id (a receipt faster than the answer to the send) is applied when the row records the id; one
 * for an unknown id stays on record. Telegram sends none.
 */
@ApplicationScoped
public class Receipts {

    private static final Logger LOG = Logger.getLogger(Receipts.class);

    @Inject
    Channels channels;

    @Inject
    DeliveryLedger ledger;

    @Inject
    DeliveryMetrics metrics;

    @Inject
    Clock clock;

    /** Records a receipt of a channel plugged into the engine and applies it to its row if there is one. */
    @Transactional
    public DeliveryReceipt record(String channel, String providerId, DeliveryReceipt.Status status, String detail) {
        channels.get(channel); // a channel that is not plugged in has no rows: refused, not kept under a made-up name
        DeliveryReceipt receipt = new DeliveryReceipt();
        receipt.channel = channel;
        receipt.providerId = providerId;
        receipt.status = status;
        receipt.detail = TextClip.clip(detail, 500);
        receipt.receivedAt = clock.instant();
        receipt.persist();
        // a provider's ids may come round again (an SMSC's counter wraps): the latest row with the id is the one meant
        Delivery row = Delivery.<Delivery>find("channel = ?1 and providerId = ?2 order by id desc", channel, providerId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
        if (row == null) {
            // the usual case with a fast SMSC (its receipt overtakes the recording of the answer): counted, not logged
            LOG.debugf("Receipt %s for %s message %s kept: no row has that id (yet)", status, channel, providerId);
            metrics.receipt(channel, false, 1);
            return receipt;
        }
        apply(row, receipt);
        return receipt;
    }

    /**
     * Applies the channel's receipts that arrived within {@code since} and still match no row although a row now has
     * their provider id: a receipt recorded while the row's answer was being recorded, in a transaction neither could
     * see, is found here. Each row is locked before its receipts, the order of {@link #applyWaiting}.
     */
    @Transactional
    public int matchWaiting(String channel, Duration since) {
        List<Long> rows = Delivery.getEntityManager()
                .createQuery(
                        "select distinct d.id from DeliveryReceipt r, Delivery d"
                                + " where r.channel = :channel and r.deliveryId is null and r.receivedAt > :since"
                                + " and d.channel = r.channel and d.providerId = r.providerId",
                        Long.class)
                .setParameter("channel", channel)
                .setParameter("since", clock.instant().minus(since))
                .getResultList();
        int applied = 0;
        for (Long id : rows) {
            Delivery row = Delivery.findById(id, LockModeType.PESSIMISTIC_WRITE);
            applied += applyWaiting(row);
        }
        return applied;
    }

    /**
     * In the transaction that gave the row its provider id (an answer, an officer marking it sent): receipts that came
     * before it are applied now. Returns how many.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    int applyWaiting(Delivery row) {
        if (row.providerId == null) {
            return 0;
        }
        List<DeliveryReceipt> waiting = DeliveryReceipt.find(
                        "channel = ?1 and providerId = ?2 and deliveryId is null order by id",
                        row.channel,
                        row.providerId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
        waiting.forEach(receipt -> apply(row, receipt));
        return waiting.size();
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
                ledger.skipLaterParts(row);
            }
            case FAILED_TEMPORARY -> {
                if (row.status == DeliveryStatus.DELIVERED) {
                    return;
                }
                Channel channel = channels.get(row.channel);
                if (channel.receiptFailed(row, false, receipt.detail)
                        && (row.notAfter == null || row.notAfter.isAfter(now))) {
                    // Sent again like any retryable failure: after a backoff, at most the channel's attempts.
                    DeliveryLedger.retryLater(channel, row, "receipt: " + receipt.detail, now);
                } else {
                    row.status = DeliveryStatus.FAILED_RETRYABLE;
                    row.detail = DeliveryLedger.clip("receipt: " + receipt.detail);
                }
            }
            case FAILED_TECHNICAL -> {
                if (row.status == DeliveryStatus.DELIVERED) {
                    return;
                }
                if (row.notAfter == null || row.notAfter.isAfter(now)) {
                    DeliveryLedger.retryLater(channels.get(row.channel), row, "receipt: " + receipt.detail, now);
                } else {
                    row.status = DeliveryStatus.FAILED_RETRYABLE;
                    row.detail = DeliveryLedger.clip("receipt: " + receipt.detail);
                }
            }
            case PROGRESS -> {
                return;
            }
        }
        row.updatedAt = now;
        metrics.entered(row.channel, row.status);
    }
}
