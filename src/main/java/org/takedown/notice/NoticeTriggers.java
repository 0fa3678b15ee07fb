package org.takedown.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.takedown.common.OneShotTriggers;
import org.takedown.operation.Operation;
import org.takedown.operation.OperationService;
import org.takedown.operation.OperationStatus;
import org.takedown.operation.OperationStatusChanged;

/**
 * Arms each scheduled notice of an operation while it is ACTIVE, as a persistent Quartz trigger written in the
 * same transaction as the status change; any other status removes them. Misfire policy, explicitly: after downtime a
 * missed trigger fires once ("fire once now" / "fire now"), and {@link RunQueue} turns that one firing into the run
 * of the latest missed occurrence, or SKIPPED_LATE if even that is later than the notice allows.
 */
@ApplicationScoped
public class NoticeTriggers {

    @Inject
    Scheduler quartz;

    @Inject
    OneShotTriggers triggers;

    @Inject
    OperationService operations;

    @Inject
    Clock clock;

    void onStatusChange(@Observes OperationStatusChanged change) {
        disarm(change.operationId());
        if (change.to() == OperationStatus.ACTIVE) {
            Operation operation = operations.get(change.operationId());
            for (Notice notice : Notice.<Notice>list("operationId", operation.id)) {
                if (notice.scheduled()) {
                    arm(operation, notice);
                }
            }
        }
    }

    private void arm(Operation operation, Notice notice) {
        JobKey key = key(operation.id, notice.id);
        TriggerBuilder<Trigger> trigger = TriggerBuilder.newTrigger().withIdentity(key.getName(), key.getGroup());
        Trigger built;
        if (notice.cron != null) {
            built = trigger.startAt(Date.from(clock.instant()))
                    .withSchedule(
                            CronScheduleBuilder.cronSchedule(NoticeSchedule.parse(notice.cron, operation.timezone))
                                    .withMisfireHandlingInstructionFireAndProceed())
                    .build();
        } else {
            built = trigger.startAt(Date.from(notice.sendAt))
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                    .build();
        }
        try {
            quartz.scheduleJob(
                    JobBuilder.newJob(NoticeRunJob.class)
                            .withIdentity(key)
                            .usingJobData(NoticeRunJob.NOTICE_ID, notice.id.toString())
                            .requestRecovery()
                            .build(),
                    Set.of(built),
                    true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not arm notice " + notice.id, e);
        }
    }

    /** When the notice's armed trigger fires next; empty when it is not armed (not scheduled, or its operation not active). */
    public Optional<Instant> nextFire(long operationId, long noticeId) {
        JobKey key = key(operationId, noticeId);
        try {
            Trigger trigger = quartz.getTrigger(TriggerKey.triggerKey(key.getName(), key.getGroup()));
            return trigger == null || trigger.getNextFireTime() == null
                    ? Optional.empty()
                    : Optional.of(trigger.getNextFireTime().toInstant());
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not read the trigger of notice " + noticeId, e);
        }
    }

    private void disarm(long operationId) {
        try {
            for (JobKey key : quartz.getJobKeys(GroupMatcher.jobGroupEquals(group(operationId)))) {
                triggers.disarm(key);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not disarm the notices of operation " + operationId, e);
        }
    }

    private static String group(long operationId) {
        return "notices-of-operation-" + operationId;
    }

    static JobKey key(long operationId, long noticeId) {
        return JobKey.jobKey("notice-" + noticeId, group(operationId));
    }
}
