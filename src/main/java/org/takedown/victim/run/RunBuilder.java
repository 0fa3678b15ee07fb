package org.takedown.victim.run;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;
import org.takedown.audit.AuditLog;
import org.takedown.delivery.Delivery;
import org.takedown.delivery.DeliveryLedger;
import org.takedown.delivery.DeliveryRows;
import org.takedown.victim.campaign.Campaign;
import org.takedown.victim.list.VictimListService;
import org.takedown.victim.message.SmsSplit;

/**
 * Queues a started campaign's recipients into the delivery ledger, {@value #SLICE} victims per transaction, each
 * transaction under a lock of the run and going on from the last victim queued: a replica that dies mid-way leaves a
 * run the next one (any replica) simply goes on with, and two replicas take turns rather than queue anyone twice. A row
 * carries {@code victim:<id>} and the number of parts of that victim's own text (its weight in the provider's rate),
 * never the text or the number: the channel renders the message when it sends it.
 */
@ApplicationScoped
public class RunBuilder {

    static final int SLICE = 500;
    private static final Logger LOG = Logger.getLogger(RunBuilder.class);

    @Inject
    VictimListService lists;

    @Inject
    DeliveryRows rows;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    private final Set<Long> building = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "campaign-run-builder");
        thread.setDaemon(true);
        return thread;
    });

    /** Builds the run on this replica's builder thread, unless it is being built here already. */
    void buildLater(long runId) {
        if (!building.add(runId)) {
            return;
        }
        executor.execute(() -> {
            try {
                while (Boolean.TRUE.equals(QuarkusTransaction.requiringNew().call(() -> slice(runId)))) {
                    // one slice per transaction, until the list is queued
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "Campaign run %d: building stopped; it goes on at the next try", runId);
            } finally {
                building.remove(runId);
            }
        });
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** Queues the next slice of the run's list; false when the run is built (or not this builder's to build). */
    private boolean slice(long runId) {
        CampaignRun run = CampaignRun.findById(runId, LockModeType.PESSIMISTIC_WRITE);
        if (run == null || run.status != CampaignRun.Status.BUILDING) {
            return false;
        }
        Campaign campaign = Campaign.findById(run.campaignId);
        String content = "campaign:" + campaign.id;
        long[] queued = {0, run.builtThrough};
        long last = lists.phoneRecipients(campaign.listId, run.builtThrough, SLICE, recipient -> {
            String key = "victim:" + recipient.victimId();
            int parts = SmsSplit.of(campaign.textFor(recipient)).fragments();
            List<Delivery> queuedRows = rows.queue(
                    run.channel,
                    run.id,
                    run.operationId,
                    new DeliveryRows.Recipient(key, key, content, Collections.singletonList(null), parts),
                    campaign.windowStart,
                    campaign.windowEnd);
            CampaignDelivery extra = new CampaignDelivery();
            extra.deliveryId = queuedRows.get(0).id;
            extra.campaignId = campaign.id;
            extra.victimId = recipient.victimId();
            extra.persist();
            queued[0]++;
            queued[1] = recipient.victimId();
        });
        run.queued += queued[0];
        run.builtThrough = queued[1];
        run.updatedAt = clock.instant();
        if (last >= 0) {
            return true;
        }
        rows.queuedMany();
        run.status = CampaignRun.Status.SENDING;
        run.builtAt = run.updatedAt;
        audit.recordFor(
                run.operationId,
                DeliveryLedger.DISPATCHER,
                "CAMPAIGN_QUEUED",
                CampaignRunService.ENTITY,
                run.id,
                Map.of("campaign", campaign.id, "queued", run.queued));
        LOG.infof("Campaign %d: %d recipients queued", campaign.id, run.queued);
        return false;
    }
}
