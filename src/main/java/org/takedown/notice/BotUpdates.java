package org.takedown.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.takedown.audit.AuditLog;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;

/**
 * Applies what Telegram tells the bot about itself ({@code my_chat_member}): added, promoted, demoted or removed in a
 * chat. Every target for that chat takes the new status at once; a status that no longer lets the bot post suspends
 * the target (its pending rows wait), one that does lifts the suspension. Also keeps the polling lease and offset.
 */
@ApplicationScoped
public class BotUpdates {

    private static final Logger LOG = Logger.getLogger(BotUpdates.class);
    static final String TELEGRAM = "telegram";

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    TargetHolds targetHolds;

    @Transactional
    public void apply(Update update) {
        ChatMemberUpdated changed = update.getMyChatMember();
        if (changed == null) {
            return;
        }
        Chat chat = changed.getChat();
        ChatMember member = changed.getNewChatMember();
        PreflightStatus status = TelegramGateway.rights(chat.getType(), member);
        String username = chat.getUserName() == null ? "" : chat.getUserName().toLowerCase(Locale.ROOT);
        List<TelegramTarget> targets =
                TelegramTarget.list("chatId = ?1 or lower(username) = ?2", chat.getId(), username);
        for (TelegramTarget target : targets) {
            boolean wasSuspended = target.suspended;
            target.preflightStatus = status;
            target.preflightDetail = "my_chat_member: bot is " + member.getStatus() + " in this " + chat.getType();
            target.preflightAt = clock.instant();
            target.chatType = chat.getType();
            target.chatTitle = chat.getTitle();
            if (status == PreflightStatus.OK) {
                targetHolds.lift(target);
            } else {
                targetHolds.suspend(target, target.preflightDetail);
            }
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("chat", target.chat());
            summary.put("botStatus", member.getStatus());
            summary.put("preflightStatus", status.name());
            summary.put("suspended", target.suspended);
            audit.recordFor(
                    target.operationId,
                    TELEGRAM,
                    "TELEGRAM_TARGET_UPDATED",
                    TelegramTargetService.ENTITY,
                    target.id,
                    summary);
            if (target.suspended && !wasSuspended) {
                LOG.warnf(
                        "ALERT: Telegram target %d (%s) suspended: the bot is now %s there",
                        target.id, target.chat(), member.getStatus());
            }
        }
    }

    /** Applies a polled update and moves the offset past it, in one transaction. */
    @Transactional
    public void applyPolled(String node, Update update) {
        UpdateLease lease = UpdateLease.findById(UpdateLease.ID, LockModeType.PESSIMISTIC_WRITE);
        if (!node.equals(lease.holder) || update.getUpdateId() < lease.nextOffset) {
            return;
        }
        apply(update);
        lease.nextOffset = update.getUpdateId() + 1L;
    }

    /** Takes or renews the polling lease; the offset to poll from when this node holds it. */
    @Transactional
    public Optional<Long> lease(String node, java.time.Duration length) {
        UpdateLease lease = UpdateLease.findById(UpdateLease.ID, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (lease.holder != null
                && !lease.holder.equals(node)
                && lease.leaseUntil != null
                && lease.leaseUntil.isAfter(now)) {
            return Optional.empty();
        }
        if (!node.equals(lease.holder)) {
            LOG.infof("Bot updates: %s polls Telegram now (lease taken from %s)", node, lease.holder);
        }
        lease.holder = node;
        lease.leaseUntil = now.plus(length);
        return Optional.of(lease.nextOffset);
    }

    /** Gives the lease up (clean shutdown), so another replica takes over at once. */
    @Transactional
    public void release(String node) {
        UpdateLease lease = UpdateLease.findById(UpdateLease.ID, LockModeType.PESSIMISTIC_WRITE);
        if (node.equals(lease.holder)) {
            lease.leaseUntil = null;
            lease.holder = null;
        }
    }
}
