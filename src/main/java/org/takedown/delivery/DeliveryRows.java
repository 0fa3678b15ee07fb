package org.takedown.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one way rows enter the ledger: a run's rows for one recipient, built here from what the channel says about them
 * (never assembled field by field elsewhere). In the caller's transaction, which also records the run.
 */
@ApplicationScoped
public class DeliveryRows {

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    /** One recipient of a run: who, where, what (one payload per part, in order), and how many slots each part takes. */
    public record Recipient(String recipientKey, String address, String contentKey, List<String> payloads, int weight) {

        public Recipient(String recipientKey, String address, String contentKey, List<String> payloads) {
            this(recipientKey, address, contentKey, payloads, 1);
        }
    }

    /** Queues the recipient's parts, PENDING from now; sent no later than {@code notAfter} (null: no limit). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Delivery> queue(String channel, long runId, long operationId, Recipient recipient, Instant notAfter) {
        return queue(channel, runId, operationId, recipient, clock.instant(), notAfter);
    }

    /** Queues the recipient's parts, PENDING, sent no sooner than {@code notBefore} and no later than {@code notAfter}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Delivery> queue(
            String channel, long runId, long operationId, Recipient recipient, Instant notBefore, Instant notAfter) {
        Instant now = clock.instant();
        List<Delivery> rows = new ArrayList<>();
        List<String> payloads = recipient.payloads();
        for (int part = 0; part < payloads.size(); part++) {
            Delivery row = new Delivery();
            row.channel = channel;
            row.runId = runId;
            row.operationId = operationId;
            row.recipientKey = recipient.recipientKey();
            row.address = recipient.address();
            row.contentKey = recipient.contentKey();
            row.part = part;
            row.parts = payloads.size();
            row.payload = payloads.get(part);
            row.weight = Math.max(1, recipient.weight());
            row.status = DeliveryStatus.PENDING;
            row.notBefore = notBefore.isAfter(now) ? notBefore : now;
            row.notAfter = notAfter;
            row.updatedAt = now;
            row.persist();
            rows.add(row);
        }
        return rows;
    }

    /**
     * A large run was queued: on PostgreSQL the ledger's statistics are brought up to date before its rows are let go.
     * Until autovacuum's next look (up to a minute) the planner would take the table for as small as before the run
     * and plan each claim over every waiting row (130 ms a claim with 10,000 rows, the first 1,000 messages of a
     * campaign at a sixth of the rate). In the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queuedMany() {
        if ("postgresql".equals(dbKind)) {
            em.createNativeQuery("ANALYZE delivery").executeUpdate();
        }
    }

    /**
     * Moves a run's rows that were never accepted by the provider ({@code PENDING}, {@code RETRY_AT}, and
     * {@code FAILED_RETRYABLE} without a provider id) to another channel, to go there from now with fresh attempts. Rows
     * in flight, sent or UNKNOWN stay where they are: a message that may have gone is never sent again by this.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int moveRun(String from, long runId, String to, String why) {
        Instant now = clock.instant();
        return Delivery.update(
                "channel = ?1, status = ?2, attempts = 0, notBefore = ?3, detail = ?4, updatedAt = ?3"
                        + " where channel = ?5 and runId = ?6 and (status in (?2, ?7)"
                        + " or (status = ?8 and providerId is null))",
                to,
                DeliveryStatus.PENDING,
                now,
                DeliveryLedger.clip(why),
                from,
                runId,
                DeliveryStatus.RETRY_AT,
                DeliveryStatus.FAILED_RETRYABLE);
    }
}
