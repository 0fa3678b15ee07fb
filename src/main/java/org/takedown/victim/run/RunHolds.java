package org.takedown.victim.run;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.takedown.delivery.DeliveryHolds;
import org.takedown.operation.OperationService;
import org.takedown.victim.campaign.Campaign;

/**
 * Keeps each campaign run's hold in step with what it may do now: held while it is built, paused, or outside its window
 * (before the start, in quiet hours), let go otherwise, so it pauses and resumes by itself. Its channel calls
 * {@link #settle(String)} before each claim on every replica; a run's hold changes only under a lock of the run.
 */
@ApplicationScoped
public class RunHolds {

    private static final Logger LOG = Logger.getLogger(RunHolds.class);

    @Inject
    DeliveryHolds holds;

    @Inject
    OperationService operations;

    @Inject
    RunBuilder builder;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** Settles the holds of the channel's runs whose window has not ended, and has those being built built. */
    public void settle(String channel) {
        Instant now = clock.instant();
        List<Object[]> runs = QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery(
                                "select r, c from CampaignRun r, Campaign c"
                                        + " where c.id = r.campaignId and r.channel = :channel and c.windowEnd > :now",
                                Object[].class)
                        .setParameter("channel", channel)
                        .setParameter("now", now)
                        .getResultList());
        Map<Long, String> zones = new HashMap<>();
        for (Object[] row : runs) {
            CampaignRun found = (CampaignRun) row[0];
            Campaign campaign = (Campaign) row[1];
            long runId = found.id;
            if (found.status == CampaignRun.Status.BUILDING) {
                builder.buildLater(runId);
            }
            String zone = zones.computeIfAbsent(
                    campaign.operationId,
                    id -> QuarkusTransaction.requiringNew().call(() -> operations.get(id).timezone));
            boolean wanted = found.held(campaign.window(zone).isOpen(now));
            boolean held = QuarkusTransaction.requiringNew().call(() -> holds.runHeld(channel, runId));
            if (wanted != held) {
                QuarkusTransaction.requiringNew().run(() -> {
                    CampaignRun run = CampaignRun.findById(runId, LockModeType.PESSIMISTIC_WRITE);
                    settle(run, campaign, zone);
                });
            }
        }
    }

    /** Holds or lets go the run as it may send now; in the caller's transaction, which has locked the run. */
    @Transactional(Transactional.TxType.MANDATORY)
    void settle(CampaignRun run, Campaign campaign, String zone) {
        boolean open = campaign.window(zone).isOpen(clock.instant());
        boolean held = holds.runHeld(run.channel, run.id);
        if (run.held(open) && !held) {
            String why = run.status == CampaignRun.Status.BUILDING
                    ? "being built"
                    : run.paused ? "paused by " + run.pausedBy : "outside its window";
            holds.holdRun(run.channel, run.id, why);
            LOG.infof("Campaign %d: sending held (%s)", run.campaignId, why);
        } else if (!run.held(open) && held) {
            holds.releaseRun(run.channel, run.id);
            LOG.infof("Campaign %d: sending", run.campaignId);
        }
    }
}
