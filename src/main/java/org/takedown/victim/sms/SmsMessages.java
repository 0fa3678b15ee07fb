package org.takedown.victim.sms;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.Set;
import org.takedown.delivery.Claimed;
import org.takedown.delivery.Delivery;
import org.takedown.victim.campaign.Campaign;
import org.takedown.victim.list.PhoneContact;
import org.takedown.victim.list.VictimListService;
import org.takedown.victim.run.CampaignDelivery;
import org.takedown.victim.suppression.SuppressionList;

/**
 * What every SMS provider's channel does alike with a campaign's row: reads the message as it is sent (the victim may
 * have been suppressed or purged since the run was built), and sends a message that failed for now again once.
 */
@ApplicationScoped
public class SmsMessages {

    @Inject
    VictimListService lists;

    @Inject
    SuppressionList suppressions;

    /** The row's message, read now in a transaction of its own; in memory for one send, never logged. */
    public SmsMessage read(Claimed row) {
        return QuarkusTransaction.requiringNew().call(() -> {
            CampaignDelivery extra = CampaignDelivery.findById(row.id());
            Campaign campaign = Campaign.findById(extra.campaignId);
            Optional<PhoneContact> contact = lists.phoneContact(extra.victimId);
            if (contact.isEmpty()) {
                return SmsMessage.skipped("the victim's number is no longer held (purged)");
            }
            if (!suppressions
                    .suppressedAmong(Set.of(contact.get().phoneIndex()))
                    .isEmpty()) {
                return SmsMessage.skipped("the number is on the suppression list");
            }
            return new SmsMessage(
                    campaign.senderId,
                    contact.get().phone(),
                    campaign.textFor(contact.get().recipient()),
                    null);
        });
    }

    /**
     * A temporary failure (the phone was off until the message expired) is sent again once, inside the window: whether
     * this one may be, marking it sent again. In the transaction applying the receipt.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean sendAgainOnce(Delivery row, boolean permanent) {
        if (permanent) {
            return false;
        }
        CampaignDelivery extra = CampaignDelivery.findById(row.id, LockModeType.PESSIMISTIC_WRITE);
        if (extra == null || extra.resent) {
            return false;
        }
        extra.resent = true;
        return true;
    }

    /**
     * One victim's message: from the campaign's sender ID to their number, or why it is not sent.
     *
     * @param skip why nothing is sent; null when it is
     */
    public record SmsMessage(String source, String destination, String text, String skip) {

        static SmsMessage skipped(String why) {
            return new SmsMessage(null, null, null, why);
        }

        @Override
        public String toString() {
            return skip == null ? "SmsMessage[to a victim]" : "SmsMessage[skipped: " + skip + "]";
        }
    }
}
