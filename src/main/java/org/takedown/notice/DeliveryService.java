package org.takedown.notice;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.takedown.audit.AuditLog;
import org.takedown.common.ProblemException;
import org.takedown.operation.OperationService;

/** Runs and the delivery ledger as officers see them, and the two ways an officer resolves an UNKNOWN row. */
@ApplicationScoped
public class DeliveryService {

    static final String ENTITY = "delivery";

    @Inject
    OperationService operations;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    public PanacheQuery<NoticeRun> runs(long operationId, Long noticeId) {
        operations.get(operationId);
        Sort newestFirst = Sort.by("id", Sort.Direction.Descending);
        return noticeId == null ? NoticeRun.find("operationId", newestFirst, operationId)
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
                .createQuery("select d.status, count(d) from Delivery d where d.runId = ?1 group by d.status", Object[].class)
                .setParameter(1, runId).getResultList()) {
            counts.put((DeliveryStatus) row[0], (Long) row[1]);
        }
        return counts;
    }

    /** Messages Telegram accepted per hour (UTC, by when they were sent) for an operation, in {@code [from, to)}. */
    public Map<Instant, Long> sentPerHour(long operationId, Instant from, Instant to) {
        Map<Instant, Long> perHour = new java.util.TreeMap<>();
        Delivery.getEntityManager().createQuery("select d.sentAt from Delivery d where d.operationId = ?1 and d.status = ?2 "
                + "and d.sentAt >= ?3 and d.sentAt < ?4", Instant.class).setParameter(1, operationId).setParameter(2, DeliveryStatus.SENT)
                .setParameter(3, from).setParameter(4, to).getResultStream()
                .forEach(at -> perHour.merge(at.truncatedTo(java.time.temporal.ChronoUnit.HOURS), 1L, Long::sum));
        return perHour;
    }

    /** The latest messages of an operation Telegram accepted in {@code [from, to)}, newest first, at most {@code limit}. */
    public List<Delivery> sent(long operationId, Instant from, Instant to, int limit) {
        return Delivery.find("operationId = ?1 and status = ?2 and sentAt >= ?3 and sentAt < ?4", Sort.descending("sentAt"),
                operationId, DeliveryStatus.SENT, from, to).page(0, limit).list();
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
            where.add("runId = :run");
            parameters.and("run", runId);
        }
        if (status != null && !status.isBlank()) {
            where.add("status = :status");
            parameters.and("status", statusOf(status));
        }
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        return Delivery.find(query, Sort.by("id"), parameters);
    }

    /** The officer checked the chat and found the message: the row is SENT (with its message id when known). */
    @Transactional
    public Delivery markSent(String actor, long operationId, long deliveryId, ResolveRequest request) {
        Delivery row = locked(operationId, deliveryId);
        if (row.status != DeliveryStatus.UNKNOWN) {
            throw ProblemException.conflict("Only UNKNOWN deliveries can be marked sent; this one is " + row.status);
        }
        Instant now = clock.instant();
        row.status = DeliveryStatus.SENT;
        row.messageId = request.messageId();
        row.sentAt = row.sentAt == null ? now : row.sentAt;
        row.resolvedBy = actor;
        row.detail = DeliveryLedger.clip("marked sent by " + actor + ": " + request.note());
        row.updatedAt = now;
        audit.recordFor(row.operationId, actor, "DELIVERY_MARKED_SENT", ENTITY, row.id, summary(row, request));
        return row;
    }

    /** The officer checked and the message is not there: send it again (a new attempt, paced like any other). */
    @Transactional
    public Delivery resend(String actor, long operationId, long deliveryId, ResolveRequest request) {
        Delivery row = locked(operationId, deliveryId);
        if (row.status != DeliveryStatus.UNKNOWN && row.status != DeliveryStatus.FAILED_RETRYABLE) {
            throw ProblemException.conflict("Only UNKNOWN or FAILED_RETRYABLE deliveries can be resent; this one is " + row.status);
        }
        Instant now = clock.instant();
        row.status = DeliveryStatus.PENDING;
        row.attempts = 0;
        row.notBefore = now;
        row.claimToken = null;
        row.claimedBy = null;
        row.resolvedBy = actor;
        row.detail = DeliveryLedger.clip("resend requested by " + actor + ": " + request.note());
        row.updatedAt = now;
        audit.recordFor(row.operationId, actor, "DELIVERY_RESENT", ENTITY, row.id, summary(row, request));
        return row;
    }

    /** The run a ledger row of this operation belongs to (read as a value: the row itself is not loaded). */
    public long runOf(long operationId, long deliveryId) {
        return Delivery.getEntityManager().createQuery("select d.runId from Delivery d where d.id = ?1 and d.operationId = ?2", Long.class)
                .setParameter(1, deliveryId).setParameter(2, operationId).getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("Delivery " + deliveryId + " of operation " + operationId));
    }

    private Delivery locked(long operationId, long deliveryId) {
        Delivery row = Delivery.findById(deliveryId, LockModeType.PESSIMISTIC_WRITE);
        if (row == null || row.operationId != operationId) {
            throw ProblemException.notFound("Delivery " + deliveryId + " of operation " + operationId);
        }
        return row;
    }

    private static Map<String, Object> summary(Delivery row, ResolveRequest request) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("operation", row.operationId);
        summary.put("run", row.runId);
        summary.put("chat", row.chat);
        summary.put("note", request.note());
        if (request.messageId() != null) {
            summary.put("messageId", request.messageId());
        }
        return summary;
    }

    private static DeliveryStatus statusOf(String status) {
        try {
            return DeliveryStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(400, "status", "must be one of " + List.of(DeliveryStatus.values()));
        }
    }
}
