package org.takedown.victim.sms;

import jakarta.inject.Inject;
import org.takedown.delivery.Delivery;
import org.takedown.delivery.StartedChannel;
import org.takedown.victim.run.ProviderOutages;
import org.takedown.victim.run.RunHolds;

/**
 * What the channels of the SMS providers (an SMSC, GOV.UK Notify) share: each sends campaign runs, whose holds it
 * settles before every claim (moving a run to its fallback provider when this one is down, which the subclass reports
 * to {@link ProviderOutages}), reads each message as it goes ({@link SmsMessages}) and sends a message that failed for
 * now again once. A subclass chooses its sender, pace and dispatch when it starts.
 */
public abstract class SmsProviderChannel extends StartedChannel {

    @Inject
    protected SmsMessages messages;

    @Inject
    protected RunHolds runs;

    @Inject
    protected ProviderOutages outages;

    /** Campaign runs are held while built, paused or outside their window, and let go inside it. */
    @Override
    public void prepare() {
        runs.settle(name());
    }

    /** A temporary failure (the phone was off until the message expired) is sent again once, inside the window. */
    @Override
    public boolean receiptFailed(Delivery row, boolean permanent, String reason) {
        return messages.sendAgainOnce(row, permanent);
    }
}
