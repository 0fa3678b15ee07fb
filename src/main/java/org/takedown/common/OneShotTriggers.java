package org.takedown.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/**
 * Persistent one-shot Quartz triggers ("do this at that instant"), written in the caller's transaction. A
 * trigger missed while the service was down fires once at the next start; a job interrupted by a node's death
 * is run again ({@code requestRecovery}), so jobs must be idempotent. Job data are strings: the JDBC store keeps
 * them as properties.
 */
@ApplicationScoped
public class OneShotTriggers {

    @Inject
    Scheduler quartz;

    public void arm(JobKey key, Class<? extends Job> job, Map<String, String> data, Instant at) {
        try {
            Trigger trigger = TriggerBuilder.newTrigger()
                    .withIdentity(key.getName(), key.getGroup())
                    .startAt(Date.from(at))
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                    .build();
            quartz.scheduleJob(
                    JobBuilder.newJob(job)
                            .withIdentity(key)
                            .usingJobData(new JobDataMap(data))
                            .requestRecovery()
                            .build(),
                    Set.of(trigger),
                    true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not arm " + key, e);
        }
    }

    public void disarm(JobKey key) {
        try {
            quartz.deleteJob(key);
        } catch (SchedulerException firstAttempt) {
            // A one-shot trigger that has just fired deletes itself; Quartz reports the row it no longer finds as an
            // error. By the time we see that, the deletion has committed: the second attempt finds nothing to delete.
            try {
                quartz.deleteJob(key);
            } catch (SchedulerException e) {
                e.addSuppressed(firstAttempt);
                throw new IllegalStateException("Could not disarm " + key, e);
            }
        }
    }

    /** When the trigger of this job fires next, if it is armed. */
    public Optional<Instant> nextFire(JobKey key) {
        try {
            return quartz.getTriggersOfJob(key).stream()
                    .map(Trigger::getNextFireTime)
                    .filter(java.util.Objects::nonNull)
                    .map(Date::toInstant)
                    .findFirst();
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not read " + key, e);
        }
    }
}
