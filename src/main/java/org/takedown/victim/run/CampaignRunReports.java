package org.takedown.victim.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.takedown.common.ProblemException;
import org.takedown.delivery.Delivery;
import org.takedown.delivery.DeliveryReceipt;
import org.takedown.delivery.DeliveryStatus;
import org.takedown.victim.list.VictimListService;

/** Builds a campaign run's delivery report from its ledger rows and receipts, on both channels if it failed over. */
@ApplicationScoped
public class CampaignRunReports {

    /** The UNKNOWN rows and receipts a report lists at most (the counts cover them all). */
    static final int SHOWN = 200;

    private static final List<DeliveryStatus> FAILED = List.of(
            DeliveryStatus.FAILED_PERMANENT,
            DeliveryStatus.FAILED_RETRYABLE,
            DeliveryStatus.SKIPPED,
            DeliveryStatus.UNKNOWN);

    @Inject
    CampaignRunService runs;

    @Inject
    VictimListService lists;

    @Inject
    EntityManager em;

    /** The run by its id, if it belongs to this operation (a 404 otherwise). */
    public CampaignRun run(long operationId, long runId) {
        CampaignRun run = CampaignRun.findById(runId);
        if (run == null || run.operationId != operationId) {
            throw ProblemException.notFound("Campaign run " + runId + " of operation " + operationId);
        }
        return run;
    }

    @Transactional
    public CampaignRunReport report(long operationId, long runId) {
        CampaignRun run = run(operationId, runId);
        CampaignRunView view = runs.view(operationId, run.campaignId).orElseThrow();
        List<String> channels = channels(run);
        Map<String, Map<Instant, Long>> perMinute = new LinkedHashMap<>();
        perMinute.put("accepted", perMinute(channels, run.id, "d.sentAt", null));
        perMinute.put("delivered", perMinute(channels, run.id, "d.deliveredAt", null));
        perMinute.put("failed", perMinute(channels, run.id, "d.updatedAt", FAILED));
        List<CampaignRunReport.Failure> failures = new ArrayList<>();
        em.createQuery(
                        "select d.status, d.detail, count(d) from Delivery d where d.channel in :channels"
                                + " and d.runId = :run and d.status in :failed group by d.status, d.detail"
                                + " order by count(d) desc",
                        Object[].class)
                .setParameter("channels", channels)
                .setParameter("run", run.id)
                .setParameter("failed", FAILED)
                .setMaxResults(SHOWN)
                .getResultList()
                .forEach(row -> failures.add(new CampaignRunReport.Failure(
                        (DeliveryStatus) row[0], row[1] == null ? "" : (String) row[1], (Long) row[2])));
        List<CampaignRunReport.Receipt> receipts = em.createQuery(
                        "select r from DeliveryReceipt r, Delivery d where r.deliveryId = d.id"
                                + " and d.channel in :channels and d.runId = :run order by r.id desc",
                        DeliveryReceipt.class)
                .setParameter("channels", channels)
                .setParameter("run", run.id)
                .setMaxResults(SHOWN)
                .getResultStream()
                .map(r -> new CampaignRunReport.Receipt(r.receivedAt, r.status, r.detail, r.deliveryId))
                .toList();
        List<Delivery> unknown = em.createQuery(
                        "select d from Delivery d where d.channel in :channels and d.runId = :run"
                                + " and d.status = :unknown order by d.id",
                        Delivery.class)
                .setParameter("channels", channels)
                .setParameter("run", run.id)
                .setParameter("unknown", DeliveryStatus.UNKNOWN)
                .setMaxResults(SHOWN)
                .getResultList();
        return new CampaignRunReport(
                view,
                run.campaignId,
                perMinute,
                failures,
                receipts,
                rows(unknown),
                view.rows().getOrDefault(DeliveryStatus.UNKNOWN.name(), 0L));
    }

    /** The delivery's run, if it is a row of this campaign run (the report an officer resolves it on). */
    public void requireRow(long operationId, long runId, long deliveryId) {
        CampaignRun run = run(operationId, runId);
        Delivery row = Delivery.findById(deliveryId);
        if (row == null || row.runId != run.id || !channels(run).contains(row.channel)) {
            throw ProblemException.notFound("Delivery " + deliveryId + " of campaign run " + runId);
        }
    }

    private static List<String> channels(CampaignRun run) {
        return run.failedOverFrom == null ? List.of(run.channel) : List.of(run.channel, run.failedOverFrom);
    }

    /** How many of the run's rows had {@code field} in each minute (UTC); only rows in {@code statuses} if given. */
    private Map<Instant, Long> perMinute(
            List<String> channels, long runId, String field, List<DeliveryStatus> statuses) {
        Map<Instant, Long> counts = new TreeMap<>();
        TypedQuery<Instant> query = em.createQuery(
                        "select " + field + " from Delivery d where d.channel in :channels and d.runId = :run"
                                + " and " + field + " is not null"
                                + (statuses == null ? "" : " and d.status in :statuses"),
                        Instant.class)
                .setParameter("channels", channels)
                .setParameter("run", runId);
        if (statuses != null) {
            query.setParameter("statuses", statuses);
        }
        query.getResultStream().forEach(at -> counts.merge(at.truncatedTo(ChronoUnit.MINUTES), 1L, Long::sum));
        return counts;
    }

    private List<CampaignRunReport.Row> rows(List<Delivery> rows) {
        Map<Long, String> phones = lists.maskedPhones(rows.stream()
                .map(d -> victimId(d.address))
                .filter(id -> id != null)
                .toList());
        return rows.stream()
                .map(d -> new CampaignRunReport.Row(
                        d.id,
                        phones.getOrDefault(victimId(d.address), "—"),
                        d.part,
                        d.parts,
                        d.status,
                        d.attempts,
                        d.detail,
                        d.updatedAt))
                .toList();
    }

    /** A campaign row's address is {@code victim:<id>}. */
    private static Long victimId(String address) {
        return address != null && address.startsWith("victim:") ? Long.valueOf(address.substring(7)) : null;
    }
}
