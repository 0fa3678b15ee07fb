package org.takedown.seizure;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/** Hourly, once across replicas (clustered Quartz): deletes visit data older than its retention period. */
@ApplicationScoped
public class VisitRetentionJob {

    private static final Logger LOG = Logger.getLogger(VisitRetentionJob.class);

    @Inject
    VisitStore store;

    @Inject
    BannerConfig config;

    @Inject
    Clock clock;

    @Scheduled(
            identity = "banner-visit-retention",
            cron = "0 17 * * * ?",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() throws SQLException {
        int deleted = purge();
        if (deleted > 0) {
            LOG.infof("Deleted %d banner visit rows past their retention", deleted);
        }
    }

    int purge() throws SQLException {
        Instant now = clock.instant();
        Map<Long, Instant> visitsBefore = new HashMap<>();
        for (BannerContent content : BannerContent.<BannerContent>listAll()) {
            visitsBefore.put(content.operationId, now.minus(Duration.ofDays(content.visitRetentionDays)));
        }
        return store.purge(visitsBefore, now.minus(config.visitCounterRetention()));
    }
}
