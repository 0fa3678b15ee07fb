package org.takedown.watch;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.jboss.logging.Logger;

/** Hourly, once across replicas: deletes domain history past its retention, always keeping each domain's newest row. */
@ApplicationScoped
public class DomainHistoryRetentionJob {

    private static final Logger LOG = Logger.getLogger(DomainHistoryRetentionJob.class);

    @Inject
    ProbeConfig config;

    @Inject
    Clock clock;

    @Scheduled(
            identity = "domain-history-retention",
            cron = "0 23 * * * ?",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        long deleted = purge();
        if (deleted > 0) {
            LOG.infof("Deleted %d domain history rows past their retention", deleted);
        }
    }

    /** The newest row of a domain is what the next probe compares with: it stays, however old. */
    @Transactional
    public long purge() {
        return DomainProbe.delete(
                "probedAt < ?1 and id not in (select max(p.id) from DomainProbe p group by p.targetId)",
                clock.instant().minus(config.historyRetention()));
    }
}
