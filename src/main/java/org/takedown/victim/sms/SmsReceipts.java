package org.takedown.victim.sms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.jsmpp.util.DeliveryReceiptState;
import org.takedown.delivery.DeliveryReceipt;
import org.takedown.delivery.Receipts;
import org.takedown.victim.VictimsConfig;

/**
 * An SMSC's delivery receipts, one per part, as the engine's receipts, one per message: a part that failed fails the
 * message; the message is delivered when its last part is; anything else is progress, kept on record. A receipt's id
 * is read in the form the account writes it ({@code takedown.victims.sms.smpp.receipt-ids}). A receipt whose id no sent
 * part has yet (it came before the answer to its {@code submit_sm} was recorded) goes to the engine under the answer's
 * key, which keeps it and applies it when the row records that id.
 */
@ApplicationScoped
public class SmsReceipts {

    @Inject
    Receipts receipts;

    @Inject
    VictimsConfig config;

    @Transactional
    public void record(String messageId, DeliveryReceiptState state, String error) {
        DeliveryReceipt.Status status = statusOf(state);
        String detail = "SMSC receipt " + state
                + (error == null || error.isBlank() || error.equals("000") ? "" : " (error " + error.strip() + ")");
        Optional<String> key = config.sms().smpp().receiptIds().answerKey(messageId);
        if (key.isEmpty()) {
            receipts.record(SmsChannel.NAME, messageId.strip(), status, detail + " (an id not of this account's form)");
            return;
        }
        // an SMSC's ids come round again (a counter that wraps, an SMSC that restarts): the latest message holds it
        SmsPart part = SmsPart.<SmsPart>find("messageKey = ?1 order by id desc", key.get())
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
        if (part == null) {
            receipts.record(SmsChannel.NAME, key.get(), status, detail);
            return;
        }
        part.status = status.name();
        List<SmsPart> parts = SmsPart.list("deliveryId = ?1 order by part", part.deliveryId);
        String messageOfRow = parts.get(0).messageKey;
        String ofPart = parts.size() == 1 ? detail : "part " + (part.part + 1) + " of " + parts.size() + ": " + detail;
        if (status == DeliveryReceipt.Status.DELIVERED
                && parts.stream()
                        .anyMatch(p -> !DeliveryReceipt.Status.DELIVERED.name().equals(p.status))) {
            status = DeliveryReceipt.Status.PROGRESS; // delivered when the last part is
        }
        receipts.record(SmsChannel.NAME, messageOfRow, status, ofPart);
    }

    /** SMPP 3.4's final states (Appendix B) in the engine's classes. */
    static DeliveryReceipt.Status statusOf(DeliveryReceiptState state) {
        return switch (state) {
            case DELIVRD -> DeliveryReceipt.Status.DELIVERED;
            case EXPIRED -> DeliveryReceipt.Status.FAILED_TEMPORARY; // validity ran out: the phone was off
            case UNDELIV, REJECTD, DELETED -> DeliveryReceipt.Status.FAILED_PERMANENT;
            case ACCEPTD, ENROUTE, UNKNOWN -> DeliveryReceipt.Status.PROGRESS;
        };
    }
}
