package org.takedown.victim.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.takedown.audit.AuditLog;
import org.takedown.common.ProblemException;
import org.takedown.delivery.Channels;
import org.takedown.delivery.Delivery;
import org.takedown.delivery.DeliveryHolds;
import org.takedown.delivery.DeliveryStatus;
import org.takedown.operation.Operation;
import org.takedown.operation.OperationService;
import org.takedown.operation.OperationStatus;
import org.takedown.victim.campaign.Campaign;
import org.takedown.victim.campaign.CampaignRemoving;
import org.takedown.victim.campaign.CampaignService;
import org.takedown.victim.campaign.Plan;
import org.takedown.victim.list.VictimListService;

/**
 * Sending an approved campaign: an officer starts it once (its rows are then built a slice at a time by
 * {@link RunBuilder}), may pause and resume it, and reads how far it got. Every step is audited.
 */
@ApplicationScoped
public class CampaignRunService {

    static final String ENTITY = "campaign-run";

    @Inject
    OperationService operations;

    @Inject
    CampaignService campaigns;

    @Inject
    VictimListService lists;

    @Inject
    Channels channels;

    @Inject
    DeliveryHolds holds;

    @Inject
    RunHolds runHolds;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /**
     * Starts sending the campaign, as approved: its operation must be active, its list what the approval covered, and
     * its window not over. Returns the new run (being built); a campaign is started once.
     */
    @Transactional
    public CampaignRun start(String actor, long operationId, long campaignId) {
        Operation operation = operations.get(operationId);
        Campaign campaign = campaigns.get(operationId, campaignId);
        Campaign.findById(campaign.id, LockModeType.PESSIMISTIC_WRITE); // two starts of one campaign take turns
        if (operation.status != OperationStatus.ACTIVE) {
            throw ProblemException.conflict("Operation " + operationId + " is " + operation.status
                    + ": a campaign is sent only while its operation is active (approved and activated)");
        }
        Optional<CampaignRun> earlier =
                CampaignRun.find("campaignId", campaignId).firstResultOptional();
        if (earlier.isPresent()) {
            throw ProblemException.conflict("Campaign " + campaignId + " was started by " + earlier.get().startedBy
                    + " at " + earlier.get().startedAt + ": a campaign reaches each victim once");
        }
        String digest = lists.digest(campaign.listId).sha256();
        if (!digest.equals(campaign.listDigest)) {
            throw ProblemException.conflict("Victim list " + campaign.listId
                    + " changed since the campaign was checked: save the campaign again and have it approved");
        }
        Instant now = clock.instant();
        if (!campaign.windowEnd.isAfter(now)) {
            throw ProblemException.conflict(
                    "Campaign " + campaignId + "'s window closed at " + campaign.windowEnd + ": nothing would go");
        }
        String channel = campaign.provider.channel();
        channels.get(channel);
        CampaignRun run = new CampaignRun();
        run.campaignId = campaignId;
        run.operationId = operationId;
        run.channel = channel;
        run.status = CampaignRun.Status.BUILDING;
        run.listDigest = digest;
        run.startedBy = actor;
        run.startedAt = now;
        run.updatedAt = now;
        run.persist();
        holds.holdRun(channel, run.id, "being built");
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("campaign", campaign.name);
        summary.put("run", run.id);
        summary.put("channel", channel);
        summary.put("recipients", campaign.recipients);
        summary.put("listDigest", digest);
        summary.put("windowStart", campaign.windowStart.toString());
        summary.put("windowEnd", campaign.windowEnd.toString());
        audit.recordFor(operationId, actor, "CAMPAIGN_STARTED", ENTITY, run.id, summary);
        return run;
    }

    /** Stops new submissions of the campaign on every replica (what is already in flight finishes). */
    @Transactional
    public CampaignRun pause(String actor, long operationId, long campaignId) {
        return pause(actor, operationId, campaignId, true);
    }

    @Transactional
    public CampaignRun resume(String actor, long operationId, long campaignId) {
        return pause(actor, operationId, campaignId, false);
    }

    private CampaignRun pause(String actor, long operationId, long campaignId, boolean paused) {
        Campaign campaign = campaigns.get(operationId, campaignId);
        CampaignRun run = CampaignRun.<CampaignRun>find("campaignId", campaignId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("A run of campaign " + campaignId));
        if (run.paused == paused) {
            throw ProblemException.conflict(
                    "Campaign " + campaignId + " is " + (paused ? "already" : "not") + " paused");
        }
        run.paused = paused;
        run.pausedBy = paused ? actor : null;
        run.updatedAt = clock.instant();
        runHolds.settle(run, campaign, operations.get(operationId).timezone);
        audit.recordFor(operationId, actor, paused ? "CAMPAIGN_PAUSED" : "CAMPAIGN_RESUMED", ENTITY, run.id, Map.of());
        return run;
    }

    /** The campaign's run, if it was started, with its rows counted by state and the plan for what is left. */
    @Transactional
    public Optional<CampaignRunView> view(long operationId, long campaignId) {
        Campaign campaign = campaigns.get(operationId, campaignId);
        Optional<CampaignRun> found = CampaignRun.find("campaignId", campaignId).firstResultOptional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CampaignRun run = found.get();
        Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
        long[] left = {0, 0}; // recipients and parts still to go
        Delivery.getEntityManager()
                .createQuery(
                        "select d.status, count(d), sum(d.weight) from Delivery d"
                                + " where d.channel in (?1, ?3) and d.runId = ?2 group by d.status",
                        Object[].class)
                .setParameter(1, run.channel)
                .setParameter(2, run.id)
                .setParameter(3, run.failedOverFrom == null ? run.channel : run.failedOverFrom)
                .getResultList()
                .forEach(row -> {
                    counts.put((DeliveryStatus) row[0], (Long) row[1]);
                    if (WAITING.contains((DeliveryStatus) row[0])) {
                        left[0] += (Long) row[1];
                        left[1] += ((Number) row[2]).longValue();
                    }
                });
        if (run.status == CampaignRun.Status.BUILDING) {
            left[0] = campaign.recipients;
            left[1] = campaign.fragmentsTotal;
        }
        String zone = operations.get(operationId).timezone;
        Plan plan = campaigns.plan(run.provider(), campaign, zone, clock.instant(), left[0], left[1]);
        boolean held = holds.runHeld(run.channel, run.id);
        return Optional.of(CampaignRunView.of(run, held, counts, plan));
    }

    /** A campaign that was sent stays, with its run and ledger: what was sent to whom must remain on record. */
    void removing(@Observes CampaignRemoving event) {
        if (CampaignRun.count("campaignId", event.campaignId()) > 0) {
            throw ProblemException.conflict(
                    "Campaign " + event.campaignId() + " was started: it stays on record with what it sent");
        }
    }

    private static final List<DeliveryStatus> WAITING =
            List.of(DeliveryStatus.PENDING, DeliveryStatus.RETRY_AT, DeliveryStatus.CLAIMED);
}
