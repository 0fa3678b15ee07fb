package org.takedown.victim.run;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.takedown.audit.AuditLog;
import org.takedown.delivery.DeliveryHolds;
import org.takedown.delivery.DeliveryLedger;
import org.takedown.delivery.DeliveryRows;
import org.takedown.operation.OperationService;
import org.takedown.victim.VictimsConfig;
import org.takedown.victim.campaign.Campaign;

/**
 * Keeps each campaign run's hold in step with what it may do now: held while it is built, paused, or outside its window
 * (before the start, in quiet hours), let go otherwise, so it pauses and resumes by itself. Its channel calls
 * {@link #settle(String)} before each claim on every replica; a run's hold changes only under a lock of the run. A
 * sending run whose provider has been down for {@code takedown.victims.sms.failover-after} moves its messages not yet
 * sent to the campaign's fallback provider, once.
 */
@ApplicationScoped
public class RunHolds {

    private static final Logger LOG = Logger.getLogger(RunHolds.class);

    /** How long after a run moved its rows left in flight on the old channel still follow it. */
    static final Duration STRAGGLERS = Duration.ofMinutes(10);

    /** How often, at most, a replica looks for a moved run's stragglers (settle runs before every claim). */
    static final Duration STRAGGLER_SWEEP = Duration.ofSeconds(5);

    /** When this replica last looked for each moved run's stragglers. */
    private final Map<Long, Instant> sweptAt = new ConcurrentHashMap<>();

    @Inject
    DeliveryHolds holds;

    @Inject
    OperationService operations;

    @Inject
    RunBuilder builder;

    @Inject
    EntityManager em;

    @Inject
    ProviderOutages outages;

    @Inject
    DeliveryRows rows;

    @Inject
    AuditLog audit;

    @Inject
    VictimsConfig config;

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
            if (found.status == CampaignRun.Status.SENDING && movedAway(found, campaign, now)) {
                continue; // its holds are settled on its new channel from now
            }
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

    /**
     * A run whose provider is down moves to the campaign's fallback provider, unless that one is down as well; after
     * that, rows that were in flight on the old channel when it moved and came back to wait there follow it for a while.
     * Returns whether it moved now.
     */
    private boolean movedAway(CampaignRun found, Campaign campaign, Instant now) {
        Duration after = config.sms().failoverAfter();
        if (found.failedOverFrom != null) {
            if (found.failedOverAt.isAfter(now.minus(STRAGGLERS)) && sweepDue(found.id, now)) {
                QuarkusTransaction.requiringNew()
                        .run(() -> rows.moveRun(
                                found.failedOverFrom,
                                found.id,
                                found.channel,
                                "moved with its run from " + found.failedOverFrom));
            }
            return false;
        }
        if (campaign.fallbackProvider == null || outages.downFor(found.channel).compareTo(after) < 0) {
            return false;
        }
        String to = campaign.fallbackProvider.channel();
        if (outages.downFor(to).compareTo(after) >= 0) {
            return false;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            CampaignRun run = CampaignRun.findById(found.id, LockModeType.PESSIMISTIC_WRITE);
            if (run.failedOverFrom != null) {
                return true; // another replica moved it meanwhile
            }
            String from = run.channel;
            String why = "moved to " + to + ": " + from + " was unreachable for "
                    + outages.downFor(from).toSeconds() + " s";
            int moved = rows.moveRun(from, run.id, to, why);
            if (holds.runHeld(from, run.id)) {
                holds.releaseRun(from, run.id);
                holds.holdRun(to, run.id, "moved from " + from);
            }
            run.channel = to;
            run.failedOverFrom = from;
            run.failedOverAt = clock.instant();
            run.updatedAt = run.failedOverAt;
            audit.recordFor(
                    run.operationId,
                    DeliveryLedger.DISPATCHER,
                    "CAMPAIGN_FAILED_OVER",
                    CampaignRunService.ENTITY,
                    run.id,
                    Map.of("from", from, "to", to, "moved", moved));
            LOG.warnf(
                    "Campaign %d: %s was unreachable, %d messages not yet sent move to %s",
                    run.campaignId, from, moved, to);
            return true;
        });
    }

    private boolean sweepDue(long runId, Instant now) {
        Instant last = sweptAt.get(runId);
        if (last != null && last.isAfter(now.minus(STRAGGLER_SWEEP))) {
            return false;
        }
        sweptAt.put(runId, now);
        sweptAt.values().removeIf(at -> at.isBefore(now.minus(STRAGGLERS)));
        return true;
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
