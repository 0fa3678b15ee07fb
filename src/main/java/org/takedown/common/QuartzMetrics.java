package org.takedown.common;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.regex.Pattern;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.listeners.TriggerListenerSupport;

/**
 * Prometheus meters of this replica's Quartz scheduler: {@code takedown_quartz_fired_total{schedule}} (triggers this
 * replica fired; summed over the replicas, each firing of a clustered trigger counts once) and
 * {@code takedown_quartz_misfires_total{schedule}}. The {@code schedule} tag (not {@code job}: Prometheus sets that label
 * itself) is the trigger's group without the operation id ({@code notices-of-operation}), or the name of a fixed job
 * ({@code watch-cycle}), so it stays a short list.
 */
@ApplicationScoped
public class QuartzMetrics extends TriggerListenerSupport {

    /** Where Quarkus puts the triggers of {@code @Scheduled} methods; their names are fixed identities. */
    private static final String SCHEDULED_GROUP = io.quarkus.scheduler.Scheduler.class.getName();

    private static final Pattern OWNER_ID = Pattern.compile("-[0-9]+$");

    @Inject
    Scheduler quartz;

    @Inject
    MeterRegistry registry;

    void listen(@Observes StartupEvent event) throws SchedulerException {
        quartz.getListenerManager().addTriggerListener(this);
    }

    @Override
    public String getName() {
        return "takedown-metrics";
    }

    @Override
    public void triggerFired(Trigger trigger, JobExecutionContext context) {
        counter("takedown.quartz.fired", "Triggers fired by this replica", trigger.getKey())
                .increment();
    }

    @Override
    public void triggerMisfired(Trigger trigger) {
        counter(
                        "takedown.quartz.misfires",
                        "Triggers that missed their time (misfire policy applied)",
                        trigger.getKey())
                .increment();
    }

    private Counter counter(String name, String description, TriggerKey key) {
        return Counter.builder(name)
                .description(description)
                .tag("schedule", schedule(key))
                .register(registry);
    }

    static String schedule(TriggerKey key) {
        return key.getGroup().equals(SCHEDULED_GROUP) || key.getGroup().equals(Scheduler.DEFAULT_GROUP)
                ? key.getName()
                : OWNER_ID.matcher(key.getGroup()).replaceFirst("");
    }
}
