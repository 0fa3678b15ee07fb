package org.takedown.victim.run;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.takedown.delivery.DeliveryReceipt;
import org.takedown.delivery.DeliveryStatus;

/**
 * A campaign run's delivery report: the run and its rows by state, messages accepted, delivered and failed per minute,
 * the failures by reason, the latest receipts, and the UNKNOWN rows an officer resolves (the victim masked).
 *
 * @param perMinute per series ("accepted", "delivered", "failed"): messages per minute (UTC), by when it happened
 */
public record CampaignRunReport(
        CampaignRunView run,
        long campaignId,
        Map<String, Map<Instant, Long>> perMinute,
        List<Failure> failures,
        List<Receipt> receipts,
        List<Row> unknown,
        long unknownTotal) {

    /** Rows that ended in a state short of delivered, with the same reason. */
    public record Failure(DeliveryStatus status, String reason, long rows) {}

    /** A receipt from the provider about one of the run's messages. */
    public record Receipt(Instant receivedAt, DeliveryReceipt.Status status, String detail, long deliveryId) {}

    /** A row of the run: its ledger id, the victim's number masked, its part, state and what the ledger says. */
    public record Row(
            long deliveryId,
            String phone,
            int part,
            int parts,
            DeliveryStatus status,
            int attempts,
            String detail,
            Instant updatedAt) {}
}
