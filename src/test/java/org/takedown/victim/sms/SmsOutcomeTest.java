package org.takedown.victim.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.jsmpp.SMPPConstant;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.Test;
import org.takedown.delivery.DeliveryReceipt;
import org.takedown.delivery.Outcome;
import org.takedown.victim.sms.smpp.SubmitResult;

/** What each SMSC answer and each receipt state means to the ledger. */
class SmsOutcomeTest {

    @Test
    void eachAnswerIsOneOfTheEnginesClasses() {
        assertEquals(
                new Outcome.RateLimited(2, true),
                SmsChannel.outcome(new SubmitResult.Throttled(Duration.ofMillis(1_200), 0x58)),
                "a throttle waits whole seconds, for the whole channel");
        assertEquals(
                new Outcome.RateLimited(1, true),
                SmsChannel.outcome(new SubmitResult.Throttled(Duration.ofMillis(10), 0x14)));
        assertEquals(
                new Outcome.RecipientGone("the SMSC refused the number: bad"),
                SmsChannel.outcome(new SubmitResult.Refused(SMPPConstant.STAT_ESME_RINVDSTADR, true, "bad")));
        assertEquals(
                new Outcome.ContentRefused("the SMSC refused the sender ID: bad"),
                SmsChannel.outcome(new SubmitResult.Refused(SMPPConstant.STAT_ESME_RINVSRCADR, true, "bad")));
        assertEquals(
                new Outcome.Failed("too long", false),
                SmsChannel.outcome(new SubmitResult.Refused(SMPPConstant.STAT_ESME_RINVMSGLEN, true, "too long")));
        assertEquals(
                new Outcome.Failed("system error", true),
                SmsChannel.outcome(new SubmitResult.Refused(SMPPConstant.STAT_ESME_RSYSERR, false, "system error")));
        assertEquals(
                new Outcome.Unreachable("no bind to the SMSC: refused", 1),
                SmsChannel.outcome(new SubmitResult.NotConnected("refused")));
        assertEquals(
                new Outcome.Unknown("no answer"),
                SmsChannel.outcome(new SubmitResult.NoAnswer("no answer", List.of("1a"))),
                "a message that may have gone is never sent again by itself");
    }

    @Test
    void receiptStatesAreFinalOrProgress() {
        assertEquals(DeliveryReceipt.Status.DELIVERED, SmsReceipts.statusOf(DeliveryReceiptState.DELIVRD));
        assertEquals(DeliveryReceipt.Status.FAILED_TEMPORARY, SmsReceipts.statusOf(DeliveryReceiptState.EXPIRED));
        for (DeliveryReceiptState failed :
                List.of(DeliveryReceiptState.UNDELIV, DeliveryReceiptState.REJECTD, DeliveryReceiptState.DELETED)) {
            assertEquals(DeliveryReceipt.Status.FAILED_PERMANENT, SmsReceipts.statusOf(failed), failed.name());
        }
        for (DeliveryReceiptState progress :
                List.of(DeliveryReceiptState.ACCEPTD, DeliveryReceiptState.ENROUTE, DeliveryReceiptState.UNKNOWN)) {
            assertEquals(DeliveryReceipt.Status.PROGRESS, SmsReceipts.statusOf(progress), progress.name());
        }
    }
}
