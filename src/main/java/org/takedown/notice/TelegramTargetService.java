package org.takedown.notice;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.takedown.common.LanguageTag;
import org.takedown.common.ProblemException;
import org.takedown.common.TextClip;
import org.takedown.operation.Operation;
import org.takedown.operation.OperationService;
import org.takedown.operation.PublicContentSection;

/** The channels and groups an operation warns. Part of the public content: who will receive notices. */
@ApplicationScoped
public class TelegramTargetService implements PublicContentSection {

    static final String ENTITY = "telegram_target";
    private static final Sort ORDER = Sort.by("id");

    @Inject
    OperationService operations;

    @Inject
    org.takedown.audit.AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    TargetHolds targetHolds;

    @Inject
    org.takedown.delivery.DeliveryLedger ledger;

    public PanacheQuery<TelegramTarget> list(long operationId, String text) {
        operations.get(operationId);
        if (text == null || text.isBlank()) {
            return TelegramTarget.find("operationId", ORDER, operationId);
        }
        return TelegramTarget.find(
                "operationId = :op and (lower(username) like :text or lower(title) like :text)",
                ORDER,
                Parameters.with("op", operationId)
                        .and("text", "%" + text.strip().toLowerCase(Locale.ROOT) + "%"));
    }

    public TelegramTarget get(long operationId, long targetId) {
        TelegramTarget target = TelegramTarget.findById(targetId);
        if (target == null || target.operationId != operationId) {
            throw ProblemException.notFound("Telegram target " + targetId + " of operation " + operationId);
        }
        return target;
    }

    @Transactional
    public TelegramTarget add(String actor, long operationId, TelegramTargetRequest request) {
        Operation operation = operations.lockForEdit(operationId);
        TelegramTarget target = new TelegramTarget();
        target.operationId = operationId;
        target.createdAt = clock.instant();
        apply(target, request);
        target.persist();
        operations.recordEdit(
                operation, actor, "TELEGRAM_TARGET_ADDED", ENTITY, target.id, Map.of("chat", target.chat()));
        return target;
    }

    @Transactional
    public TelegramTarget update(String actor, long operationId, long targetId, TelegramTargetRequest request) {
        Operation operation = operations.lockForEdit(operationId);
        TelegramTarget target = get(operationId, targetId);
        apply(target, request);
        operations.recordEdit(
                operation, actor, "TELEGRAM_TARGET_UPDATED", ENTITY, target.id, Map.of("chat", target.chat()));
        return target;
    }

    @Transactional
    public void remove(String actor, long operationId, long targetId) {
        Operation operation = operations.lockForEdit(operationId);
        TelegramTarget target = get(operationId, targetId);
        // Its messages still waiting are not sent; and the target holds nothing back any more.
        ledger.skipRecipient(TelegramChannel.NAME, TargetHolds.recipientKey(target.id), "the target was removed");
        targetHolds.lift(target);
        target.delete();
        operations.recordEdit(
                operation, actor, "TELEGRAM_TARGET_REMOVED", ENTITY, targetId, Map.of("chat", target.chat()));
    }

    /**
     * Stores what preflight found, in one transaction; passing lifts a suspension, and with {@code suspendRefused}
     * (before a run) a chat that refuses the bot suspends its target. One audit row for the whole check.
     */
    @Transactional
    public List<TelegramTarget> recordPreflight(
            String actor, long operationId, java.util.Map<Long, ChatCheck> checks, boolean suspendRefused) {
        operations.lockForEdit(operationId);
        java.util.Map<PreflightStatus, Integer> counts = new java.util.TreeMap<>();
        List<TelegramTarget> targets = new java.util.ArrayList<>();
        for (var entry : checks.entrySet()) {
            TelegramTarget target = get(operationId, entry.getKey());
            ChatCheck check = entry.getValue();
            target.preflightStatus = check.status();
            target.preflightDetail = TextClip.clip(check.detail(), 500);
            target.preflightAt = clock.instant();
            target.chatType = check.chatType() == null ? target.chatType : check.chatType();
            target.chatTitle = check.chatTitle() == null ? target.chatTitle : check.chatTitle();
            if (check.status() == PreflightStatus.OK) {
                targetHolds.lift(target);
            } else if (suspendRefused && check.status().refusesTheBot() && !target.suspended) {
                targetHolds.suspend(target, check.detail());
                org.jboss.logging.Logger.getLogger(TelegramTargetService.class)
                        .warnf(
                                "ALERT: Telegram target %d (%s) suspended by the check before a run: %s",
                                target.id, target.chat(), check.detail());
            }
            counts.merge(check.status(), 1, Integer::sum);
            targets.add(target);
        }
        audit.recordFor(
                operationId,
                actor,
                "TELEGRAM_PREFLIGHT",
                "operation",
                operationId,
                java.util.Map.of("results", counts));
        return targets;
    }

    @Override
    public String name() {
        return "telegramTargets";
    }

    record TargetPart(long id, String chat, String language) {}

    @Override
    public List<TargetPart> snapshot(long operationId) {
        return TelegramTarget.<TelegramTarget>list("operationId", operationId).stream()
                .map(t -> new TargetPart(t.id, t.chat(), t.language))
                .sorted(Comparator.comparingLong(TargetPart::id))
                .toList();
    }

    private void apply(TelegramTarget target, TelegramTargetRequest request) {
        String chat = request.chat();
        String username = null;
        Long chatId = null;
        if (chat.startsWith("@")) {
            username = chat.substring(1);
        } else {
            try {
                chatId = Long.parseLong(chat);
            } catch (NumberFormatException e) {
                throw ProblemException.invalidField(400, "chat", "is not a 64-bit chat id");
            }
        }
        TelegramTarget same = username != null
                ? TelegramTarget.find(
                                "operationId = ?1 and lower(username) = ?2",
                                target.operationId,
                                username.toLowerCase(Locale.ROOT))
                        .firstResult()
                : TelegramTarget.find("operationId = ?1 and chatId = ?2", target.operationId, chatId)
                        .firstResult();
        if (same != null && !same.id.equals(target.id)) {
            throw ProblemException.conflict(chat + " is already a target of this operation (id " + same.id + ")");
        }
        target.username = username;
        target.chatId = chatId;
        target.title = request.title();
        target.language = request.language() == null ? null : LanguageTag.Check.canonical(request.language());
    }
}
