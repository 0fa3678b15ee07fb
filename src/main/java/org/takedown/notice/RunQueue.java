package org.takedown.notice;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;
import org.takedown.audit.AuditLog;
import org.takedown.common.ProblemException;
import org.takedown.common.TextClip;
import org.takedown.delivery.Delivery;
import org.takedown.delivery.DeliveryHolds;
import org.takedown.delivery.DeliveryRows;
import org.takedown.operation.Operation;
import org.takedown.operation.OperationService;
import org.takedown.operation.OperationStatus;

/**
 * Turns a firing into a run and its ledger rows, in one transaction: one run per (notice, due time) and one row per
 * (run, target, part). A firing that was already recorded adds nothing, so Quartz recovering or repeating a job is
 * harmless. Nothing is sent here: the dispatcher does that.
 */
@ApplicationScoped
public class RunQueue {

    private static final Logger LOG = Logger.getLogger(RunQueue.class);
    static final String SCHEDULER = "scheduler";

    @Inject
    OperationService operations;

    @Inject
    NoticeRenderer renderer;

    @Inject
    TelegramChannel channel;

    @Inject
    DeliveryRows rows;

    @Inject
    DeliveryHolds holds;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** A scheduled firing (Quartz): skipped outside the window, SKIPPED_LATE beyond the allowed lateness. */
    @Transactional
    public void fired(long noticeId, Instant scheduled, Instant fired, Instant previous, Instant armedAt) {
        Notice notice = Notice.findById(noticeId);
        if (notice == null || !notice.scheduled()) {
            LOG.infof("Firing of notice %d ignored: it is gone or no longer scheduled", noticeId);
            return;
        }
        Operation operation = operations.get(notice.operationId);
        if (operation.status != OperationStatus.ACTIVE) {
            LOG.infof("Firing of notice %d ignored: operation %d is %s", noticeId, operation.id, operation.status);
            return;
        }
        Instant due = NoticeSchedule.dueOf(notice, operation.timezone, scheduled, fired, previous, armedAt);
        NoticeSchedule.Window window = NoticeSchedule.window(notice, due, operation.timezone);
        if (!window.open()) {
            return;
        }
        Duration late = Duration.between(due, fired);
        if (late.compareTo(Duration.ofSeconds(notice.maxLatenessSeconds)) > 0) {
            record(
                    notice,
                    due,
                    fired,
                    NoticeRun.Origin.SCHEDULE,
                    SCHEDULER,
                    RunStatus.SKIPPED_LATE,
                    "fired " + late.toSeconds() + " s after its due time; at most " + notice.maxLatenessSeconds
                            + " s allowed",
                    null);
            return;
        }
        enqueue(operation, notice, due, fired, NoticeRun.Origin.SCHEDULE, SCHEDULER, window.closes());
    }

    /** An officer sends an approved notice of an active operation now. */
    @Transactional
    public NoticeRun sendNow(String actor, long operationId, long noticeId) {
        Operation operation = operations.get(operationId);
        Notice notice = Notice.findById(noticeId);
        if (notice == null || notice.operationId != operationId) {
            throw ProblemException.notFound("Notice " + noticeId + " of operation " + operationId);
        }
        if (operation.status != OperationStatus.ACTIVE) {
            throw ProblemException.conflict(
                    "Notices are sent only while the operation is ACTIVE; it is " + operation.status);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return enqueue(operation, notice, now, now, NoticeRun.Origin.MANUAL, actor, null);
    }

    /**
     * In the caller's transaction: a watch rule reacting to a new post sends its notice now. The caller has checked
     * that the operation is ACTIVE and the notice its own; the run is audited like any other, as {@code actor}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public NoticeRun react(long operationId, long noticeId, String actor) {
        Operation operation = operations.get(operationId);
        Notice notice = Notice.findById(noticeId);
        if (notice == null || notice.operationId != operationId || operation.status != OperationStatus.ACTIVE) {
            throw new IllegalStateException(
                    "notice " + noticeId + " of operation " + operationId + " cannot be sent now");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return enqueue(operation, notice, now, now, NoticeRun.Origin.REACTION, actor, null);
    }

    private NoticeRun enqueue(
            Operation operation,
            Notice notice,
            Instant due,
            Instant fired,
            NoticeRun.Origin origin,
            String actor,
            Instant sendUntil) {
        NoticeRun existing =
                NoticeRun.find("noticeId = ?1 and dueAt = ?2", notice.id, due).firstResult();
        if (existing != null) {
            return existing;
        }
        if (notice.blockedReason != null) {
            return record(
                    notice,
                    due,
                    fired,
                    origin,
                    actor,
                    RunStatus.BLOCKED,
                    "notice blocked: " + notice.blockedReason,
                    sendUntil);
        }
        // Removing a target removes it from the notices that named it, so a named audience can become empty.
        List<TelegramTarget> audience = notice.allTargets
                ? TelegramTarget.list("operationId", Sort.by("id"), operation.id)
                : notice.targetIds.isEmpty()
                        ? List.of()
                        : TelegramTarget.list("id in ?1", Sort.by("id"), notice.targetIds);
        boolean photo = notice.imageSha256 != null;
        Map<String, NoticeRenderer.Rendered> byLanguage = new TreeMap<>();
        audience.forEach(target -> byLanguage.computeIfAbsent(
                notice.languageFor(target.language),
                language -> renderer.render(operation, language, notice.texts.get(language), notice.overflow, photo)));
        List<String> problems = byLanguage.values().stream()
                .flatMap(r -> r.problems().stream().map(p -> r.language() + " " + p))
                .toList();
        if (!problems.isEmpty()) {
            return record(notice, due, fired, origin, actor, RunStatus.BLOCKED, String.join("; ", problems), sendUntil);
        }
        NoticeRun run = newRun(notice, due, fired, origin, actor, RunStatus.QUEUED, null, sendUntil);
        if (channel.dryRun()) {
            run.preflightedAt = clock.instant();
        } else {
            // Its targets are checked again before its first message goes (RunPreflight releases the hold).
            holds.holdRun(TelegramChannel.NAME, run.id, "waiting for the check of its targets");
        }
        int messageCount = 0;
        for (TelegramTarget target : audience) {
            NoticeRenderer.Rendered rendered = byLanguage.get(notice.languageFor(target.language));
            List<Delivery> queued = rows.queue(
                    TelegramChannel.NAME,
                    run.id,
                    operation.id,
                    new DeliveryRows.Recipient(
                            TargetHolds.recipientKey(target.id),
                            target.chat(),
                            NoticeService.contentKey(notice.id),
                            rendered.messages()),
                    sendUntil);
            for (Delivery row : queued) {
                TelegramDelivery.queue(row, notice, target, rendered.language(), photo);
                messageCount++;
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("notice", notice.id);
        summary.put("dueAt", due.toString());
        summary.put("origin", origin.name());
        summary.put("targets", audience.size());
        summary.put("languages", List.copyOf(byLanguage.keySet()));
        summary.put("messages", messageCount);
        audit.recordFor(run.operationId, actor, "NOTICE_RUN_QUEUED", "notice_run", run.id, summary);
        return run;
    }

    private NoticeRun record(
            Notice notice,
            Instant due,
            Instant fired,
            NoticeRun.Origin origin,
            String actor,
            RunStatus status,
            String detail,
            Instant sendUntil) {
        NoticeRun run = newRun(notice, due, fired, origin, actor, status, detail, sendUntil);
        audit.recordFor(
                run.operationId,
                actor,
                "NOTICE_RUN_" + status.name(),
                "notice_run",
                run.id,
                Map.of("notice", notice.id, "dueAt", due.toString(), "detail", detail));
        LOG.warnf("Run %d of notice %d: %s (%s)", run.id, notice.id, status, detail);
        return run;
    }

    private NoticeRun newRun(
            Notice notice,
            Instant due,
            Instant fired,
            NoticeRun.Origin origin,
            String actor,
            RunStatus status,
            String detail,
            Instant sendUntil) {
        NoticeRun run = new NoticeRun();
        run.noticeId = notice.id;
        run.operationId = notice.operationId;
        run.noticeTitle = notice.title;
        run.dueAt = due;
        run.firedAt = fired;
        run.origin = origin;
        run.status = status;
        run.detail = TextClip.clip(detail, 500);
        run.sendUntil = sendUntil;
        run.createdBy = actor;
        run.persist();
        return run;
    }
}
