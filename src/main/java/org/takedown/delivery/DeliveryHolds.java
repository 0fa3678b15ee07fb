package org.takedown.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.takedown.common.TextClip;

/**
 * Holds on a channel's rows: a recipient that refused (a Telegram chat that removed the bot) or a run not yet checked
 * (Telegram's preflight). Held rows stay PENDING and are simply not claimed; released, they go on. In the caller's
 * transaction (whose audit entry wakes the dispatchers once it commits).
 */
@ApplicationScoped
public class DeliveryHolds {

    @Inject
    Clock clock;

    @Inject
    SendSchedule schedule;

    /**
     * Holds the recipient. Two transactions may hold the same recipient at once (the provider refused a send while the
     * channel heard the recipient left), so this one first takes the channel's pacing row, as a claim does: the second
     * then finds the first's hold instead of colliding with it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void holdRecipient(String channel, String recipientKey, String reason) {
        schedule.lockChannel(channel);
        hold(channel, recipientKey(recipientKey), reason);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void releaseRecipient(String channel, String recipientKey) {
        release(channel, recipientKey(recipientKey));
    }

    /**
     * Holds a run. The caller makes sure no other transaction holds the same run at once: a new run's key is new, and
     * a channel that holds and releases its runs over their life does so under a lock of its own record of the run.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void holdRun(String channel, long runId, String reason) {
        hold(channel, runKey(runId), reason);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void releaseRun(String channel, long runId) {
        release(channel, runKey(runId));
    }

    public boolean runHeld(String channel, long runId) {
        return DeliveryHold.count("channel = ?1 and holdKey = ?2", channel, runKey(runId)) > 0;
    }

    public boolean recipientHeld(String channel, String recipientKey) {
        return DeliveryHold.count("channel = ?1 and holdKey = ?2", channel, recipientKey(recipientKey)) > 0;
    }

    private void hold(String channel, String key, String reason) {
        if (DeliveryHold.count("channel = ?1 and holdKey = ?2", channel, key) == 0) {
            DeliveryHold hold = new DeliveryHold();
            hold.channel = channel;
            hold.holdKey = key;
            hold.reason = TextClip.clip(reason, 500);
            hold.createdAt = clock.instant();
            hold.persist();
        }
    }

    private void release(String channel, String key) {
        DeliveryHold.delete("channel = ?1 and holdKey = ?2", channel, key);
    }

    static String recipientKey(String recipientKey) {
        return "recipient:" + recipientKey;
    }

    static String runKey(long runId) {
        return "run:" + runId;
    }
}
