package org.takedown.victim.run;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.takedown.delivery.DeliveryStatus;
import org.takedown.victim.campaign.Plan;

/**
 * A campaign's run as officers read it: who started it and when, whether it is built, paused or waiting for its window
 * ({@code held}), its ledger rows by state, and whether what is left can go before the deadline at the provider's rate.
 */
public record CampaignRunView(
        long id,
        long campaignId,
        String channel,
        String failedOverFrom,
        Instant failedOverAt,
        String status,
        boolean paused,
        String pausedBy,
        boolean held,
        String startedBy,
        Instant startedAt,
        Instant builtAt,
        long queued,
        Map<String, Long> rows,
        Plan plan) {

    private static final Set<String> UNSETTLED =
            Set.of(DeliveryStatus.PENDING.name(), DeliveryStatus.CLAIMED.name(), DeliveryStatus.RETRY_AT.name());

    /** Whether every row has its outcome (none waiting, in flight or to be tried again): nothing more will change by itself. */
    public boolean settled() {
        return status.equals(CampaignRun.Status.SENDING.name())
                && rows.keySet().stream().noneMatch(UNSETTLED::contains);
    }

    static CampaignRunView of(CampaignRun run, boolean held, Map<DeliveryStatus, Long> counts, Plan plan) {
        Map<String, Long> rows = new LinkedHashMap<>();
        counts.forEach((status, count) -> rows.put(status.name(), count));
        return new CampaignRunView(
                run.id,
                run.campaignId,
                run.channel,
                run.failedOverFrom,
                run.failedOverAt,
                run.status.name(),
                run.paused,
                run.pausedBy,
                held,
                run.startedBy,
                run.startedAt,
                run.builtAt,
                run.queued,
                rows,
                plan);
    }
}
