package org.takedown.notice;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;
import org.takedown.audit.AuditLog;
import org.takedown.common.TextClip;
import org.takedown.delivery.Claimed;
import org.takedown.delivery.Delivery;
import org.takedown.delivery.DeliveryLedger;
import org.takedown.delivery.Outcome;
import org.takedown.delivery.Pace;
import org.takedown.delivery.Sender;
import org.takedown.delivery.StartedChannel;

/**
 * Telegram as a channel of the delivery engine: a notice's messages to its targets' chats, through the Bot API
 * ({@link TelegramGateway}), within Telegram's limits (30 messages a second for the bot, one a second and 20 a minute
 * into a chat, counted as they arrive). Before a run's first message its targets are checked again
 * ({@link RunPreflight}). A chat that refuses the bot suspends its target; content Telegram refuses blocks its notice;
 * a group that became a supergroup is followed once. Without a bot token (or with {@code takedown.telegram.dry-run})
 * the channel runs dry.
 */
@ApplicationScoped
public class TelegramChannel extends StartedChannel {

    public static final String NAME = "telegram";
    private static final Logger LOG = Logger.getLogger(TelegramChannel.class);

    @Inject
    TelegramConfig config;

    @Inject
    TelegramGateway gateway;

    @Inject
    NoticePhotos photos;

    @Inject
    RunPreflight preflight;

    @Inject
    TargetHolds targets;

    @Inject
    AuditLog audit;

    @PostConstruct
    void init() {
        TelegramConfig.Pace limits = config.pace();
        Duration addressSpacing = Duration.ofNanos(
                Math.max(Math.round(1e9 / limits.chatPerSecond()), Math.round(60e9 / limits.groupPerMinute())));
        pace = Pace.of(limits.globalPerSecond(), limits.headroom(), addressSpacing, true);
        dispatch =
                config.dispatch().with(config.dispatch().workers(), config.api().timeout());
        sender = gateway.dryRun() ? Sender.DRY_RUN : this::prepare;
        if (gateway.dryRun()) {
            LOG.infof(
                    "Telegram channel: DRY-RUN, nothing is sent (%s)",
                    config.dryRun().orElse(false) ? "takedown.telegram.dry-run is true" : "no bot token");
        } else {
            LOG.infof(
                    "Telegram channel: sending through the Bot API at %s",
                    config.api().host());
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * A new run's targets are checked before its first message goes; its rows are held until then. Running dry there
     * is no bot to ask: a run queued while the channel was live (and held for its check) is let go unchecked.
     */
    @Override
    public void prepare() {
        if (dryRun()) {
            preflight.claim().ifPresent(run -> preflight.checked(run.id));
        } else {
            preflight.claim().ifPresent(preflight::check);
        }
    }

    /** The row's details are read before its slot; the request then waits for nothing but the Bot API. */
    private Sender.Call prepare(Claimed row) {
        TelegramDelivery extra = QuarkusTransaction.requiringNew().call(() -> TelegramDelivery.findById(row.id()));
        return () -> outcome(
                extra.photoSha256 == null
                        ? gateway.sendMessage(row.address(), row.payload(), extra.silent)
                        : photos.send(row.address(), extra.photoSha256, row.payload(), extra.silent));
    }

    /** Pins the message once its row is SENT: a pin that fails or hangs never puts the sent message in doubt. */
    @Override
    public void afterSent(Claimed row, String providerId) {
        TelegramDelivery extra = QuarkusTransaction.requiringNew().call(() -> TelegramDelivery.findById(row.id()));
        if (extra.pin) {
            SendOutcome pinned = gateway.pin(row.address(), Integer.parseInt(providerId), true);
            QuarkusTransaction.requiringNew().run(() -> recordPin(row.id(), pinned));
        }
    }

    /** Telegram's answer in the engine's classes. */
    static Outcome outcome(SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Sent sent) {
            return new Outcome.Sent(Long.toString(sent.messageId()));
        }
        if (outcome instanceof SendOutcome.RateLimited limited) {
            return new Outcome.RateLimited(limited.retryAfterSeconds(), false);
        }
        if (outcome instanceof SendOutcome.Migrated migrated) {
            return new Outcome.Moved(Long.toString(migrated.newChatId()));
        }
        if (outcome instanceof SendOutcome.TargetGone gone) {
            return new Outcome.RecipientGone(gone.reason());
        }
        if (outcome instanceof SendOutcome.ContentRefused refused) {
            return new Outcome.ContentRefused(refused.reason());
        }
        if (outcome instanceof SendOutcome.Failed failed) {
            return new Outcome.Failed(failed.reason(), failed.retryable());
        }
        if (outcome instanceof SendOutcome.Unknown unknown) {
            return new Outcome.Unknown(unknown.reason());
        }
        throw new IllegalArgumentException("Unhandled Telegram outcome " + outcome);
    }

    /** Pinning is done after the row is SENT and may be repeated harmlessly; its result is noted on the row. */
    private static void recordPin(long deliveryId, SendOutcome outcome) {
        TelegramDelivery extra = TelegramDelivery.findById(deliveryId, LockModeType.PESSIMISTIC_WRITE);
        extra.pinStatus = outcome instanceof SendOutcome.Sent
                ? TelegramDelivery.PinStatus.PINNED
                : TelegramDelivery.PinStatus.FAILED;
    }

    @Override
    public void recipientGone(Delivery row, String reason) {
        TelegramTarget target =
                TelegramTarget.findById(TargetHolds.targetOf(row.recipientKey), LockModeType.PESSIMISTIC_WRITE);
        if (target != null && !target.suspended) {
            targets.suspend(target, reason);
            target.preflightStatus = reason.toLowerCase(Locale.ROOT).contains("not found")
                    ? PreflightStatus.NOT_FOUND
                    : PreflightStatus.NOT_MEMBER;
            target.preflightDetail = TextClip.clip(reason, 500);
            target.preflightAt = row.updatedAt;
            audit.recordFor(
                    row.operationId,
                    DeliveryLedger.DISPATCHER,
                    "TELEGRAM_TARGET_SUSPENDED",
                    TelegramTargetService.ENTITY,
                    target.id,
                    Map.of("chat", row.address, "reason", TextClip.clip(reason, 500)));
            LOG.warnf(
                    "ALERT: Telegram target %d (%s) suspended: %s. Nothing is sent there until preflight passes again.",
                    target.id, row.address, reason);
        }
    }

    @Override
    public void contentRefused(Delivery row, String reason, int waiting) {
        long noticeId = NoticeService.noticeOf(row.contentKey);
        Notice notice = Notice.findById(noticeId, LockModeType.PESSIMISTIC_WRITE);
        if (notice != null && notice.blockedReason == null) {
            notice.blockedReason = TextClip.clip(reason, 500);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("reason", TextClip.clip(reason, 500));
            summary.put("skipped", waiting);
            audit.recordFor(
                    row.operationId,
                    DeliveryLedger.DISPATCHER,
                    "NOTICE_BLOCKED",
                    NoticeService.ENTITY,
                    noticeId,
                    summary);
            LOG.warnf("ALERT: notice %d blocked, Telegram refused its content: %s", noticeId, reason);
        }
    }

    @Override
    public void moved(Delivery row, String from, String to) {
        long targetId = TargetHolds.targetOf(row.recipientKey);
        TelegramTarget target = TelegramTarget.findById(targetId, LockModeType.PESSIMISTIC_WRITE);
        if (target != null && target.chat().equalsIgnoreCase(from)) {
            target.username = null;
            target.chatId = Long.parseLong(to);
        }
        audit.recordFor(
                row.operationId,
                DeliveryLedger.DISPATCHER,
                "TELEGRAM_TARGET_MIGRATED",
                TelegramTargetService.ENTITY,
                targetId,
                Map.of("from", from, "to", to));
    }
}
