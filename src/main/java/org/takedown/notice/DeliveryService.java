package org.takedown.notice;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.takedown.common.ProblemException;
import org.takedown.delivery.Delivery;
import org.takedown.delivery.DeliveryResolution;
import org.takedown.delivery.DeliveryStatus;
import org.takedown.operation.OperationService;

/** Runs and the delivery ledger as officers see them, and the two ways an officer resolves an UNKNOWN row. */
@ApplicationScoped
public class DeliveryService {

    @Inject
    OperationService operations;

    @Inject
    DeliveryResolution resolution;

    public PanacheQuery<NoticeRun> runs(long operationId, Long noticeId) {
        operations.get(operationId);
        Sort newestFirst = Sort.by("id", Sort.Direction.Descending);
        return noticeId == null
                ? NoticeRun.find("operationId", newestFirst, operationId)
                : NoticeRun.find("operationId = ?1 and noticeId = ?2", newestFirst, operationId, noticeId);
    }

    public NoticeRun run(long operationId, long runId) {
        NoticeRun run = NoticeRun.findById(runId);
        if (run == null || run.operationId != operationId) {
            throw ProblemException.notFound("Run " + runId + " of operation " + operationId);
        }
        return run;
    }

    /** How many of the run's rows are in each state. */
    public Map<DeliveryStatus, Long> counts(long runId) {
        Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
        for (Object[] row : Delivery.getEntityManager()
                .createQuery(
                        "select d.status, count(d) from Delivery d where d.channel = ?1 and d.runId = ?2 group by d.status",
                        Object[].class)
                .setParameter(1, TelegramChannel.NAME)
                .setParameter(2, runId)
                .getResultList()) {
            counts.put((DeliveryStatus) row[0], (Long) row[1]);
        }
        return counts;
    }

    /** Messages Telegram accepted per hour (UTC, by when they were sent) for an operation, in {@code [from, to)}. */
    public Map<Instant, Long> sentPerHour(long operationId, Instant from, Instant to) {
        Map<Instant, Long> perHour = new TreeMap<>();
        Delivery.getEntityManager()
                .createQuery(
                        "select d.sentAt from Delivery d where d.channel = ?1 and d.operationId = ?2"
                                + " and d.status in ?3 and d.sentAt >= ?4 and d.sentAt < ?5",
                        Instant.class)
                .setParameter(1, TelegramChannel.NAME)
                .setParameter(2, operationId)
                .setParameter(3, SENT)
                .setParameter(4, from)
                .setParameter(5, to)
                .getResultStream()
                .forEach(at -> perHour.merge(at.truncatedTo(ChronoUnit.HOURS), 1L, Long::sum));
        return perHour;
    }

    /** The latest messages of an operation Telegram accepted in {@code [from, to)}, newest first, at most {@code limit}. */
    public List<Delivery> sent(long operationId, Instant from, Instant to, int limit) {
        return Delivery.find(
                        "channel = ?1 and operationId = ?2 and status in ?3 and sentAt >= ?4 and sentAt < ?5",
                        Sort.descending("sentAt"),
                        TelegramChannel.NAME,
                        operationId,
                        SENT,
                        from,
                        to)
                .page(0, limit)
                .list();
    }

    /** Ledger rows, of one operation or (operationId null) of all, optionally of one run and in one state. */
    public PanacheQuery<Delivery> deliveries(Long operationId, Long runId, String status) {
        if (operationId != null) {
            operations.get(operationId);
        }
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (operationId != null) {
            where.add("operationId = :operation");
            parameters.and("operation", operationId);
        }
        if (runId != null) {
            where.add("channel = :channel and runId = :run");
            parameters.and("channel", TelegramChannel.NAME).and("run", runId);
        }
        if (status != null && !status.isBlank()) {
            where.add("status = :status");
            parameters.and("status", statusOf(status));
        }
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        return Delivery.find(query, Sort.by("id"), parameters);
    }

    /** The officer checked the chat and found the message: the row is SENT (with its message id when known). */
    public Delivery markSent(String actor, long operationId, long deliveryId, ResolveRequest request) {
        return resolution.markSent(
                actor,
                operationId,
                deliveryId,
                request.note(),
                request.messageId() == null ? null : Long.toString(request.messageId()));
    }

    /** The officer checked and the message is not there: send it again (a new attempt, paced like any other). */
    public Delivery resend(String actor, long operationId, long deliveryId, ResolveRequest request) {
        return resolution.resend(actor, operationId, deliveryId, request.note());
    }

    /** The run a ledger row of this operation belongs to (read as a value: the row itself is not loaded). */
    public long runOf(long operationId, long deliveryId) {
        return Delivery.getEntityManager()
                .createQuery("select d.runId from Delivery d where d.id = ?1 and d.operationId = ?2", Long.class)
                .setParameter(1, deliveryId)
                .setParameter(2, operationId)
                .getResultStream()
                .findFirst()
                .orElseThrow(
                        () -> ProblemException.notFound("Delivery " + deliveryId + " of operation " + operationId));
    }

    /** The Telegram data of these rows, by delivery id, in one query. */
    public Map<Long, TelegramDelivery> telegramOf(List<Delivery> rows) {
        return TelegramDelivery.of(rows.stream()
                .filter(d -> TelegramChannel.NAME.equals(d.channel))
                .map(d -> d.id)
                .toList());
    }

    private static final List<DeliveryStatus> SENT = List.of(DeliveryStatus.SENT, DeliveryStatus.DELIVERED);

    private static DeliveryStatus statusOf(String status) {
        try {
            return DeliveryStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(400, "status", "must be one of " + List.of(DeliveryStatus.values()));
        }
    }
}
