package org.takedown.operation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/**
 * What approval arms: the operation's own activation and end, as persistent Quartz triggers written in the same
 * transaction as the status change. Leaving APPROVED/ACTIVE for any other state removes them, so an operation
 * sent back for approval, paused, ended or cancelled has nothing left to fire. A trigger missed while the
 * service was down fires once at the next start.
 */
@ApplicationScoped
public class OperationSchedule {

    static final String GROUP = "operation-lifecycle";

    @Inject
    Scheduler quartz;

    void onStatusChange(@Observes OperationStatusChanged change) throws SchedulerException {
        Operation operation = Operation.findById(change.operationId());
        switch (change.to()) {
            case APPROVED -> {
                arm(operation, Transition.ACTIVATE, operation.activateAt);
                arm(operation, Transition.END, operation.endAt);
            }
            case ACTIVE -> {
                disarm(operation.id, Transition.ACTIVATE);
                arm(operation, Transition.END, operation.endAt);
            }
            default -> disarmAll(operation.id);
        }
    }

    /** The instants at which each armed transition of the operation will fire. */
    public Map<Transition, Instant> armed(long operationId) throws SchedulerException {
        Map<Transition, Instant> armed = new EnumMap<>(Transition.class);
        for (Transition transition : new Transition[] {Transition.ACTIVATE, Transition.END}) {
            for (Trigger trigger : quartz.getTriggersOfJob(jobKey(operationId, transition))) {
                Date next = trigger.getNextFireTime();
                if (next != null) {
                    armed.put(transition, next.toInstant());
                }
            }
        }
        return armed;
    }

    private void arm(Operation operation, Transition transition, Instant at) throws SchedulerException {
        if (at == null) {
            disarm(operation.id, transition);
            return;
        }
        JobDetail job = JobBuilder.newJob(OperationTransitionJob.class)
                .withIdentity(jobKey(operation.id, transition))
                .usingJobData(OperationTransitionJob.OPERATION_ID, operation.id.toString())
                .usingJobData(OperationTransitionJob.TRANSITION, transition.name())
                .requestRecovery()
                .build();
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(job.getKey().getName(), GROUP)
                .startAt(Date.from(at))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        quartz.scheduleJob(job, java.util.Set.of(trigger), true);
    }

    private void disarm(long operationId, Transition transition) throws SchedulerException {
        quartz.deleteJob(jobKey(operationId, transition));
    }

    private void disarmAll(long operationId) throws SchedulerException {
        disarm(operationId, Transition.ACTIVATE);
        disarm(operationId, Transition.END);
    }

    private static JobKey jobKey(long operationId, Transition transition) {
        return JobKey.jobKey("operation-" + operationId + "-" + transition.name(), GROUP);
    }
}
