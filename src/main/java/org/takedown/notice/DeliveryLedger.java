package org.takedown.notice;

import org.takedown.common.TextClip;
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

/**
 * Records what became of each claimed row, and what that means beyond the row: a target that refused the bot is
 * suspended, a migrated group gets its new id, refused content blocks its notice, retryable failures back off.
 * Also turns expired claims into UNKNOWN and closes send windows. Each call is one transaction.
 */
@ApplicationScoped
public class DeliveryLedger {

    private static final Logger LOG = Logger.getLogger(DeliveryLedger.class);
    static final String DISPATCHER = "dispatcher";

    @Inject
    TelegramConfig config;
    @Inject
    SendPacer pacer;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    DeliveryMetrics metrics;

    @Transactional
    public void record(DeliveryClaimer.Claimed claimed, SendOutcome outcome) {
        Delivery row = Delivery.findById(claimed.id(), LockModeType.PESSIMISTIC_WRITE);
        if (row == null || !claimed.token().equals(row.claimToken)
                || (row.status != DeliveryStatus.CLAIMED && row.status != DeliveryStatus.UNKNOWN)) {
            LOG.warnf("Outcome %s of delivery %d not recorded: the claim is no longer this worker's", outcome, claimed.id());
            return;
        }
        Instant now = clock.instant();
        row.updatedAt = now;
        row.claimedUntil = null;
        if (outcome instanceof SendOutcome.Sent sent) {
            row.status = DeliveryStatus.SENT;
            row.messageId = (long) sent.messageId();
            row.sentAt = now;
            row.pinStatus = row.pin ? Delivery.PinStatus.PENDING : null;
            row.detail = null;
        } else if (outcome instanceof SendOutcome.DryRun) {
            row.status = DeliveryStatus.DRY_RUN;
            row.detail = "dry-run: no bot token, nothing was sent";
        } else if (outcome instanceof SendOutcome.RateLimited limited) {
            Duration wait = Duration.ofSeconds(limited.retryAfterSeconds());
            row.status = DeliveryStatus.PENDING;
            row.notBefore = now.plus(wait);
            row.detail = "429: Telegram asked to wait " + limited.retryAfterSeconds() + " s";
        } else if (outcome instanceof SendOutcome.Migrated migrated) {
            migrated(row, migrated.newChatId());
        } else if (outcome instanceof SendOutcome.TargetGone gone) {
            suspend(row, gone.reason());
        } else if (outcome instanceof SendOutcome.ContentRefused refused) {
            block(row, refused.reason());
        } else if (outcome instanceof SendOutcome.Failed failed && failed.retryable()) {
            retryLater(row, failed.reason(), now);
        } else if (outcome instanceof SendOutcome.Failed failed) {
            row.status = DeliveryStatus.FAILED_PERMANENT;
            row.detail = clip(failed.reason());
        } else if (outcome instanceof SendOutcome.Unknown unknown) {
            row.status = DeliveryStatus.UNKNOWN;
            row.detail = clip("no answer, it may have arrived: " + unknown.reason());
            audit.recordFor(row.operationId, DISPATCHER, "DELIVERY_UNKNOWN", "delivery", row.id, Map.of("chat", row.chat, "detail", row.detail));
        } else {
            throw new IllegalArgumentException("Unhandled outcome " + outcome);
        }
        metrics.entered(row.status);
    }

    /**
     * The claimed row's request is about to leave: recorded (and committed) first, so that a claim abandoned before
     * this point is known never to have been sent. False when the claim is no longer this worker's: do not send.
     */
    @Transactional
    public boolean start(DeliveryClaimer.Claimed claimed) {
        return Delivery.update("startedAt = ?1 where id = ?2 and claimToken = ?3 and status = ?4", clock.instant(), claimed.id(),
                claimed.token(), DeliveryStatus.CLAIMED) == 1;
    }

    /** A claim that was never sent (the replica is stopping): back to PENDING, as if it had not been claimed. */
    @Transactional
    public void release(DeliveryClaimer.Claimed claimed) {
        Delivery row = Delivery.findById(claimed.id(), LockModeType.PESSIMISTIC_WRITE);
        if (row != null && claimed.token().equals(row.claimToken) && row.status == DeliveryStatus.CLAIMED) {
            row.status = DeliveryStatus.PENDING;
            row.claimToken = null;
            row.claimedBy = null;
            row.claimedUntil = null;
            row.updatedAt = clock.instant();
            metrics.entered(DeliveryStatus.PENDING);
        }
    }

    /**
     * A 429: hold the chat (and, in a flood, the bot) for exactly {@code retry_after}. Its own transaction, taking the
     * pace rows in the claimer's order (global, then chat), so the two can never deadlock.
     */
    @Transactional
    public void rateLimited(String chat, int retryAfterSeconds) {
        pacer.refused(chat, Duration.ofSeconds(retryAfterSeconds));
    }

    /** Pinning is done after the row is SENT and may be repeated harmlessly; its result is noted on the row. */
    @Transactional
    public void recordPin(long deliveryId, SendOutcome outcome) {
        Delivery row = Delivery.findById(deliveryId, LockModeType.PESSIMISTIC_WRITE);
        row.pinStatus = outcome instanceof SendOutcome.Sent || outcome instanceof SendOutcome.DryRun
                ? Delivery.PinStatus.PINNED : Delivery.PinStatus.FAILED;
        if (row.pinStatus == Delivery.PinStatus.FAILED) {
            row.detail = clip("sent, but not pinned: " + outcome);
        }
        row.updatedAt = clock.instant();
    }

    /**
     * Claims whose lease ran out (the worker died or hung mid-call) become UNKNOWN: the message may have arrived, so
     * it is never resent without an officer. Rows still waiting when their run's send window closed are SKIPPED.
     * The lapsed rows are locked as they are read: a late worker marking its request as leaving ({@link #start}) either
     * commits first, and the sweep sees the mark, or waits and then finds its claim gone, so a row whose request left
     * is never queued again.
     */
    @Transactional
    public void sweep() {
        Instant now = clock.instant();
        List<Delivery> expired = Delivery.find("status = ?1 and claimedUntil < ?2 order by id", DeliveryStatus.CLAIMED, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        for (Delivery row : expired) {
            if (row.startedAt == null) {
                LOG.infof("Delivery %d: the claim of %s lapsed before its request left; queued again", row.id, row.claimedBy);
                row.status = DeliveryStatus.PENDING;
                row.claimToken = null;
                row.claimedBy = null;
                row.claimedUntil = null;
                row.detail = "claimed by a replica that stopped before sending it; queued again";
                row.updatedAt = now;
                metrics.entered(DeliveryStatus.PENDING);
                continue;
            }
            row.status = DeliveryStatus.UNKNOWN;
            row.detail = "the claim of " + row.claimedBy + " expired mid-send: it may have arrived";
            row.updatedAt = now;
            audit.recordFor(row.operationId, DISPATCHER, "DELIVERY_UNKNOWN", "delivery", row.id, Map.of("chat", row.chat, "detail", row.detail));
            metrics.entered(DeliveryStatus.UNKNOWN);
        }
        int skipped = Delivery.update("status = ?1, detail = ?2, updatedAt = ?3 where status in ?4 and runId in "
                + "(select r.id from NoticeRun r where r.sendUntil is not null and r.sendUntil < ?3)",
                DeliveryStatus.SKIPPED, "the send window closed before it could be sent", now, DeliveryStatus.CLAIMABLE);
        metrics.entered(DeliveryStatus.SKIPPED, skipped);
        pacer.prune();
    }

    private void migrated(Delivery row, long newChatId) {
        if (row.migrated) {
            row.status = DeliveryStatus.FAILED_PERMANENT;
            row.detail = "the group migrated twice in one delivery (now " + newChatId + ")";
            return;
        }
        TelegramTarget target = TelegramTarget.findById(row.targetId, LockModeType.PESSIMISTIC_WRITE);
        String from = row.chat;
        String to = Long.toString(newChatId);
        if (target != null && target.chat().equalsIgnoreCase(from)) {
            target.username = null;
            target.chatId = newChatId;
        }
        Delivery.update("chat = ?1 where targetId = ?2 and status in ?3", to, row.targetId, DeliveryStatus.CLAIMABLE);
        row.chat = to;
        row.migrated = true;
        row.status = DeliveryStatus.PENDING;
        row.detail = "group upgraded to supergroup " + to + "; resent there once";
        audit.recordFor(row.operationId, DISPATCHER, "TELEGRAM_TARGET_MIGRATED", TelegramTargetService.ENTITY, row.targetId,
                Map.of("from", from, "to", to));
    }

    private void suspend(Delivery row, String reason) {
        row.status = DeliveryStatus.FAILED_PERMANENT;
        row.detail = clip(reason);
        TelegramTarget target = TelegramTarget.findById(row.targetId, LockModeType.PESSIMISTIC_WRITE);
        if (target != null && !target.suspended) {
            target.suspended = true;
            target.preflightStatus = reason.toLowerCase(java.util.Locale.ROOT).contains("not found")
                    ? PreflightStatus.NOT_FOUND : PreflightStatus.NOT_MEMBER;
            target.preflightDetail = clip(reason);
            target.preflightAt = clock.instant();
            audit.recordFor(row.operationId, DISPATCHER, "TELEGRAM_TARGET_SUSPENDED", TelegramTargetService.ENTITY, target.id,
                    Map.of("chat", row.chat, "reason", clip(reason)));
            LOG.warnf("ALERT: Telegram target %d (%s) suspended: %s. Nothing is sent there until preflight passes again.",
                    target.id, row.chat, reason);
        }
    }

    private void block(Delivery row, String reason) {
        row.status = DeliveryStatus.FAILED_PERMANENT;
        row.detail = clip("content refused: " + reason);
        Notice notice = Notice.findById(row.noticeId, LockModeType.PESSIMISTIC_WRITE);
        if (notice != null && notice.blockedReason == null) {
            notice.blockedReason = clip(reason);
            int skipped = Delivery.update("status = ?1, detail = ?2, updatedAt = ?3 where noticeId = ?4 and status in ?5",
                    DeliveryStatus.SKIPPED, "notice blocked: Telegram refused its content", clock.instant(), row.noticeId,
                    DeliveryStatus.CLAIMABLE);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("reason", clip(reason));
            summary.put("skipped", skipped);
            audit.recordFor(row.operationId, DISPATCHER, "NOTICE_BLOCKED", NoticeService.ENTITY, row.noticeId, summary);
            LOG.warnf("ALERT: notice %d blocked, Telegram refused its content: %s", row.noticeId, reason);
        }
    }

    private void retryLater(Delivery row, String reason, Instant now) {
        row.attempts++;
        if (row.attempts >= config.dispatch().maxAttempts()) {
            row.status = DeliveryStatus.FAILED_RETRYABLE;
            row.detail = clip("gave up after " + row.attempts + " attempts: " + reason);
            return;
        }
        row.status = DeliveryStatus.RETRY_AT;
        row.notBefore = now.plus(backoff(row.attempts));
        row.detail = clip("attempt " + row.attempts + " failed: " + reason);
    }

    /** base × 2^(attempt-1), capped, then ±20 % jitter so that many failed rows do not return at the same instant. */
    Duration backoff(int attempt) {
        Duration base = config.dispatch().backoffBase();
        Duration max = config.dispatch().backoffMax();
        Duration delay = base.multipliedBy(1L << Math.min(attempt - 1, 20));
        if (delay.compareTo(max) > 0) {
            delay = max;
        }
        double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis(Math.round(delay.toMillis() * jitter));
    }

    static String clip(String text) {
        return TextClip.clip(text, 500);
    }
}
