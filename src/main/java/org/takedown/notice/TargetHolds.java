package org.takedown.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.takedown.delivery.DeliveryHolds;

/**
 * A Telegram target's suspension, one place for it: the target shows it, and the engine holds the target's rows
 * while it lasts ({@link DeliveryHolds}), so they wait instead of failing, and go on when it is lifted.
 */
@ApplicationScoped
public class TargetHolds {

    @Inject
    DeliveryHolds holds;

    @Transactional(Transactional.TxType.MANDATORY)
    public void suspend(TelegramTarget target, String reason) {
        target.suspended = true;
        holds.holdRecipient(TelegramChannel.NAME, recipientKey(target.id), reason);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void lift(TelegramTarget target) {
        target.suspended = false;
        holds.releaseRecipient(TelegramChannel.NAME, recipientKey(target.id));
    }

    /** A target as the engine knows it: the recipient key of its rows. */
    static String recipientKey(long targetId) {
        return "target:" + targetId;
    }

    static long targetOf(String recipientKey) {
        return Long.parseLong(recipientKey.substring("target:".length()));
    }
}
