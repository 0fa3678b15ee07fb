package org.takedown.watch;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Prometheus meters of watching: {@code takedown_watch_cycle_seconds} (one cycle on this replica: claiming and starting
 * every due read) and {@code takedown_watch_lag_seconds} (how long the most overdue watch target has been waiting for
 * its read, read from the database at each scrape, so it shows a cluster that falls behind even when no cycle runs).
 * Fetch refusals are counted by the {@link FetchGate} itself.
 */
@Startup
@ApplicationScoped
public class WatchMetrics {

    private static final Logger LOG = Logger.getLogger(WatchMetrics.class);

    @Inject
    MeterRegistry registry;

    @Inject
    DueReads dueReads;

    private Timer cycle;

    @PostConstruct
    void register() {
        cycle = Timer.builder("takedown.watch.cycle")
                .description("Watch cycles: claiming and starting every due read")
                .register(registry);
        Gauge.builder("takedown.watch.lag", this, WatchMetrics::lagSeconds)
                .baseUnit("seconds")
                .description("How long the most overdue watch target has waited for its read")
                .register(registry);
    }

    void cycled(Duration took) {
        cycle.record(took);
    }

    private double lagSeconds() {
        try {
            return dueReads.lag().toMillis() / 1000.0;
        } catch (RuntimeException e) {
            LOG.debugf("Watch lag unknown: %s", e.getMessage());
            return Double.NaN;
        }
    }
}
