package org.takedown.victim.list;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Hourly, once across replicas (clustered Quartz): purges victims' personal data past its retention period. */
@ApplicationScoped
public class VictimRetentionJob {

    private static final Logger LOG = Logger.getLogger(VictimRetentionJob.class);

    @Inject
    VictimListService lists;

    @Scheduled(
            identity = "victim-retention",
            cron = "0 23 * * * ?",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int purged = lists.purgeExpired();
        if (purged > 0) {
            LOG.infof("Purged the victims of %d lists past their retention period", purged);
        }
    }
}
