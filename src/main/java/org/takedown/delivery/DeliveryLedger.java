package org.takedown.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;
import org.takedown.audit.AuditLog;
import org.takedown.common.TextClip;

/**
 * Records what became of each claimed row, and what that means beyond the row: a recipient that refused is held and
 * its channel told, content the provider refused is skipped wherever it is still pending, a moved recipient's pending
 * rows follow it once, retryable failures back off. Also turns lapsed claims into UNKNOWN (or back to the queue when
 * their request never left) and skips rows whose send window closed. Each call is one transaction.
 */
@ApplicationScoped
public class DeliveryLedger {

    private static final Logger LOG = Logger.getLogger(DeliveryLedger.class);
    /** The actor of what the engine does by itself, in the audit log. */
    public static final String DISPATCHER = "dispatcher";

    static final String ENTITY = "delivery";

    @Inject
    Channels channels;

    @Inject
    DeliveryHolds holds;

    @Inject
    SendSchedule schedule;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    DeliveryMetrics metrics;

    @Inject
    Receipts receipts;

    @Transactional
    public void record(Claimed claimed, Outcome outcome) {
        Delivery row = Delivery.findById(claimed.id(), LockModeType.PESSIMISTIC_WRITE);
        if (row == null
                || !claimed.token().equals(row.claimToken)
                || (row.status != DeliveryStatus.CLAIMED && row.status != DeliveryStatus.UNKNOWN)) {
            LOG.warnf(
                    "Outcome %s of delivery %d not recorded: the claim is no longer this worker's",
                    outcome, claimed.id());
            return;
        }
        Channel channel = channels.get(row.channel);
        Instant now = clock.instant();
        row.updatedAt = now;
        row.claimedUntil = null;
        if (outcome instanceof Outcome.Sent sent) {
            row.status = DeliveryStatus.SENT;
            row.providerId = sent.providerId();
            row.sentAt = now;
            row.detail = null;
            receipts.applyWaiting(row);
        } else if (outcome instanceof Outcome.DryRun) {
            row.status = DeliveryStatus.DRY_RUN;
            row.detail = "dry-run: nothing was sent";
        } else if (outcome instanceof Outcome.Skipped skipped) {
            row.status = DeliveryStatus.SKIPPED;
            row.detail = clip("not sent: " + skipped.reason());
        } else if (outcome instanceof Outcome.RateLimited limited) {
            row.status = DeliveryStatus.PENDING;
            row.notBefore = now.plus(Duration.ofSeconds(limited.retryAfterSeconds()));
            row.detail = "rate limited: the provider asked to wait " + limited.retryAfterSeconds() + " s";
        } else if (outcome instanceof Outcome.Unreachable unreachable) {
            row.status = DeliveryStatus.PENDING;
            row.notBefore = now.plus(Duration.ofSeconds(unreachable.retryAfterSeconds()));
            row.detail = clip("provider unreachable, nothing sent: " + unreachable.reason());
        } else if (outcome instanceof Outcome.Moved moved) {
            moved(channel, row, moved.newAddress());
        } else if (outcome instanceof Outcome.RecipientGone gone) {
            row.status = DeliveryStatus.FAILED_PERMANENT;
            row.detail = clip(gone.reason());
            // The channel first: it may lock its own record of the recipient, as it does when it holds the recipient
            // itself, and the hold then takes the channel's pacing row: always in that order, so the two never
            // deadlock.
            channel.recipientGone(row, gone.reason());
            holds.holdRecipient(row.channel, row.recipientKey, gone.reason());
        } else if (outcome instanceof Outcome.ContentRefused refused) {
            refused(channel, row, refused.reason());
        } else if (outcome instanceof Outcome.Failed failed && failed.retryable()) {
            retryLater(channel, row, failed.reason(), now);
        } else if (outcome instanceof Outcome.Failed failed) {
            row.status = DeliveryStatus.FAILED_PERMANENT;
            row.detail = clip(failed.reason());
        } else if (outcome instanceof Outcome.Unknown unknown) {
            row.status = DeliveryStatus.UNKNOWN;
            row.detail = clip("no answer, it may have arrived: " + unknown.reason());
            audit.recordFor(
                    row.operationId,
                    DISPATCHER,
                    "DELIVERY_UNKNOWN",
                    ENTITY,
                    row.id,
                    Map.of("channel", row.channel, "address", row.address, "detail", row.detail));
        } else {
            throw new IllegalArgumentException("Unhandled outcome " + outcome);
        }
        if (DeliveryStatus.CLAIMABLE.contains(row.status) && row.notAfter != null && !row.notAfter.isAfter(now)) {
            // Its send window closed while the request was out: not sent again.
            row.status = DeliveryStatus.SKIPPED;
            row.detail = clip("not sent again: its send window closed (" + row.detail + ")");
        }
        if (row.status == DeliveryStatus.FAILED_PERMANENT || row.status == DeliveryStatus.SKIPPED) {
            skipLaterParts(row);
        }
        metrics.entered(row.channel, row.status);
    }

    /**
     * A part that will not be sent makes the recipient's later parts of the run pointless: they are skipped. (A part
     * nobody can vouch for, UNKNOWN or FAILED_RETRYABLE, keeps them waiting for the officer who resolves it.)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void skipLaterParts(Delivery row) {
        if (row.part + 1 >= row.parts) {
            return;
        }
        int skipped = Delivery.update(
                "status = ?1, detail = ?2, updatedAt = ?3 where channel = ?4 and runId = ?5 and recipientKey = ?6"
                        + " and part > ?7 and status in ?8",
                DeliveryStatus.SKIPPED,
                clip("not sent: part " + (row.part + 1) + " was not sent"),
                clock.instant(),
                row.channel,
                row.runId,
                row.recipientKey,
                row.part,
                DeliveryStatus.CLAIMABLE);
        metrics.entered(row.channel, DeliveryStatus.SKIPPED, skipped);
    }

    /**
     * The claimed row's request is about to leave: recorded (and committed) first, so that a claim abandoned before
     * this point is known never to have been sent. The lease is renewed from now (the call may start after its slot,
     * behind others in flight). False when the claim is no longer this worker's: do not send.
     */
    @Transactional
    public boolean start(Claimed claimed) {
        Dispatch dispatch = channels.get(claimed.channel()).dispatch();
        Instant now = clock.instant();
        return Delivery.update(
                        "startedAt = ?1, claimedUntil = ?2 where id = ?3 and claimToken = ?4 and status = ?5",
                        now,
                        now.plus(dispatch.callTimeout()).plus(dispatch.leaseMargin()),
                        claimed.id(),
                        claimed.token(),
                        DeliveryStatus.CLAIMED)
                == 1;
    }

    /** A claim that was never sent (the replica is stopping): back to PENDING, as if it had not been claimed. */
    @Transactional
    public void release(Claimed claimed) {
        Delivery row = Delivery.findById(claimed.id(), LockModeType.PESSIMISTIC_WRITE);
        if (row != null && claimed.token().equals(row.claimToken) && row.status == DeliveryStatus.CLAIMED) {
            row.status = DeliveryStatus.PENDING;
            row.claimToken = null;
            row.claimedBy = null;
            row.claimedUntil = null;
            row.updatedAt = clock.instant();
            metrics.entered(row.channel, DeliveryStatus.PENDING);
        }
    }

    /**
     * Rows of this content still waiting are not sent (the content changed or was removed); in the caller's
     * transaction. Returns how many were skipped.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int skipPending(String channel, String contentKey, String why) {
        return skipWaiting(channel, "contentKey", contentKey, why);
    }

    /** Rows of this recipient still waiting are not sent (the recipient was removed); in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int skipRecipient(String channel, String recipientKey, String why) {
        return skipWaiting(channel, "recipientKey", recipientKey, why);
    }

    /** SKIPPED for the channel's waiting rows whose {@code field} (a column named in code, never input) is {@code value}. */
    private int skipWaiting(String channel, String field, String value, String why) {
        int skipped = Delivery.update(
                "status = ?1, detail = ?2, updatedAt = ?3 where channel = ?4 and " + field + " = ?5 and status in ?6",
                DeliveryStatus.SKIPPED,
                clip(why),
                clock.instant(),
                channel,
                value,
                DeliveryStatus.CLAIMABLE);
        metrics.entered(channel, DeliveryStatus.SKIPPED, skipped);
        return skipped;
    }

    /** A rate limit: hold the address (and, in a flood, the channel) for exactly the provider's wait. */
    @Transactional
    public void rateLimited(String channel, String address, int retryAfterSeconds, boolean flood) {
        schedule.refused(channel, address, Duration.ofSeconds(retryAfterSeconds), flood);
    }

    /**
     * Claims whose lease ran out (the worker died or hung mid-call) become UNKNOWN: the message may have arrived, so
     * it is never resent without an officer. A claim whose request never left goes back to the queue. Rows still
     * waiting when their send window closed are SKIPPED. The lapsed rows are locked as they are read: a late worker
     * marking its request as leaving ({@link #start}) either commits first, and the sweep sees the mark, or waits and
     * then finds its claim gone, so a row whose request left is never queued again.
     */
    @Transactional
    public void sweep(String channel) {
        Instant now = clock.instant();
        List<Delivery> expired = Delivery.find(
                        "channel = ?1 and status = ?2 and claimedUntil < ?3 order by id",
                        channel,
                        DeliveryStatus.CLAIMED,
                        now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
        for (Delivery row : expired) {
            if (row.startedAt == null) {
                LOG.infof(
                        "Delivery %d: the claim of %s lapsed before its request left; queued again",
                        row.id, row.claimedBy);
                row.status = DeliveryStatus.PENDING;
                row.claimToken = null;
                row.claimedBy = null;
                row.claimedUntil = null;
                row.detail = "claimed by a replica that stopped before sending it; queued again";
                row.updatedAt = now;
                metrics.entered(row.channel, DeliveryStatus.PENDING);
                continue;
            }
            row.status = DeliveryStatus.UNKNOWN;
            row.detail = "the claim of " + row.claimedBy + " expired mid-send: it may have arrived";
            row.updatedAt = now;
            audit.recordFor(
                    row.operationId,
                    DISPATCHER,
                    "DELIVERY_UNKNOWN",
                    ENTITY,
                    row.id,
                    Map.of("channel", row.channel, "address", row.address, "detail", row.detail));
            metrics.entered(row.channel, DeliveryStatus.UNKNOWN);
        }
        long skipped = Delivery.update(
                "status = ?1, detail = ?2, updatedAt = ?3 where channel = ?4 and status in ?5"
                        + " and notAfter is not null and notAfter < ?3",
                DeliveryStatus.SKIPPED,
                "the send window closed before it could be sent",
                now,
                channel,
                DeliveryStatus.CLAIMABLE);
        metrics.entered(channel, DeliveryStatus.SKIPPED, skipped);
        schedule.prune();
    }

    private void moved(Channel channel, Delivery row, String to) {
        if (row.moved) {
            row.status = DeliveryStatus.FAILED_PERMANENT;
            row.detail = clip("the recipient moved twice in one delivery (now " + to + ")");
            return;
        }
        String from = row.address;
        // The channel first (it may lock its record of the recipient), then the rows: the order of recipientGone.
        channel.moved(row, from, to);
        Delivery.update(
                "address = ?1 where channel = ?2 and recipientKey = ?3 and status in ?4",
                to,
                row.channel,
                row.recipientKey,
                DeliveryStatus.CLAIMABLE);
        row.address = to;
        row.moved = true;
        row.status = DeliveryStatus.PENDING;
        row.detail = clip("the recipient moved to " + to + "; sent there once");
    }

    private void refused(Channel channel, Delivery row, String reason) {
        row.status = DeliveryStatus.FAILED_PERMANENT;
        row.detail = clip("content refused: " + reason);
        // The channel first (it may lock its record of the content, as an officer editing it does), then the rows.
        long waiting = Delivery.count(
                "channel = ?1 and contentKey = ?2 and status in ?3",
                row.channel,
                row.contentKey,
                DeliveryStatus.CLAIMABLE);
        channel.contentRefused(row, reason, (int) waiting);
        skipWaiting(
                row.channel,
                "contentKey",
                row.contentKey,
                "not sent: the provider refused this content (" + reason + ")");
    }

    /** A retryable failure (an answer, a receipt): tried again after a backoff, until the channel's attempts are used. */
    static void retryLater(Channel channel, Delivery row, String reason, Instant now) {
        row.attempts++;
        if (row.attempts >= channel.dispatch().maxAttempts()) {
            row.status = DeliveryStatus.FAILED_RETRYABLE;
            row.detail = clip("gave up after " + row.attempts + " attempts: " + reason);
            return;
        }
        row.status = DeliveryStatus.RETRY_AT;
        row.notBefore = now.plus(backoff(channel.dispatch(), row.attempts));
        row.detail = clip("attempt " + row.attempts + " failed: " + reason);
    }

    /** base × 2^(attempt-1), capped, then ±20 % jitter so that many failed rows do not return at the same instant. */
    static Duration backoff(Dispatch dispatch, int attempt) {
        Duration delay = dispatch.backoffBase().multipliedBy(1L << Math.min(attempt - 1, 20));
        if (delay.compareTo(dispatch.backoffMax()) > 0) {
            delay = dispatch.backoffMax();
        }
        double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis(Math.round(delay.toMillis() * jitter));
    }

    static String clip(String text) {
        return TextClip.clip(text, 500);
    }

    /** The summary of an audit entry about a row. */
    static Map<String, Object> summary(Delivery row) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("operation", row.operationId);
        summary.put("run", row.runId);
        summary.put("channel", row.channel);
        summary.put("address", row.address);
        return summary;
    }
}
