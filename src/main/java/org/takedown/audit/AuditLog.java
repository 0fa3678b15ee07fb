package org.takedown.audit;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.takedown.common.DeterministicJson;
import org.takedown.logging.LogValueEscaping;

/** Appends to, queries and verifies the hash-chained audit log. */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger("org.takedown.audit");
    private static final int VERIFY_BATCH = 500;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    Event<ChangesCommitted> committed;

    /**
     * Appends one row in the caller's transaction, so the row exists if and only if the change it records does.
     *
     * @param summary details of the change; serialised as deterministic JSON
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long record(String actor, String action, String entityType, Object entityId, Map<String, ?> summary) {
        return append(null, actor, action, entityType, entityId, summary);
    }

    /**
     * Appends one row that concerns an operation, in the caller's transaction. The operation id is part of the
     * row's hash, so an operation's extract of the log ({@link #ofOperation}) cannot be thinned unnoticed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long recordFor(
            long operationId, String actor, String action, String entityType, Object entityId, Map<String, ?> summary) {
        return append(operationId, actor, action, entityType, entityId, summary);
    }

    private long append(
            Long operationId, String actor, String action, String entityType, Object entityId, Map<String, ?> summary) {
        AuditHead head = em.find(AuditHead.class, AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
        AuditEntry entry = new AuditEntry();
        entry.seq = head.lastSeq + 1;
        entry.recordedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        entry.operationId = operationId;
        entry.actor = actor;
        entry.action = action;
        entry.entityType = entityType;
        entry.entityId = entityId == null ? null : entityId.toString();
        entry.summary = DeterministicJson.write(summary);
        entry.prevHash = head.lastHash;
        entry.hash = AuditChain.hash(entry);
        em.persist(entry);
        head.lastSeq = entry.seq;
        head.lastHash = entry.hash;
        logAfterCommit(entry);
        return entry.seq;
    }

    /** Logs the transaction's rows in sequence order once it has committed; a rolled-back change logs nothing. */
    private void logAfterCommit(AuditEntry entry) {
        @SuppressWarnings("unchecked")
        List<AuditEntry> pending = (List<AuditEntry>) transactions.getResource(AuditLog.class);
        if (pending == null) {
            List<AuditEntry> rows = new ArrayList<>();
            transactions.putResource(AuditLog.class, rows);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        rows.forEach(AuditLog::log);
                        committed.fire(new ChangesCommitted(rows.get(rows.size() - 1).seq));
                    }
                }
            });
            pending = rows;
        }
        pending.add(entry);
    }

    private static void log(AuditEntry e) {
        LOG.infof(
                "audit seq=%d actor=%s action=%s entity=%s:%s summary=%s",
                e.seq, field(e.actor), field(e.action), field(e.entityType), field(e.entityId), field(e.summary));
    }

    /** A value of an audit log line, unambiguous: backslashes doubled, then control characters escaped. */
    private static String field(String value) {
        return value == null ? "null" : LogValueEscaping.escape(value.replace("\\", "\\\\"));
    }

    public PanacheQuery<AuditEntry> search(AuditFilter filter) {
        List<String> clauses = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.actor() != null) {
            clauses.add("actor = :actor");
            params.and("actor", filter.actor());
        }
        if (filter.action() != null) {
            clauses.add("action = :action");
            params.and("action", filter.action());
        }
        if (filter.entityType() != null) {
            clauses.add("entityType = :entityType");
            params.and("entityType", filter.entityType());
        }
        if (filter.entityId() != null) {
            clauses.add("entityId = :entityId");
            params.and("entityId", filter.entityId());
        }
        if (filter.operationId() != null) {
            clauses.add("operationId = :operationId");
            params.and("operationId", filter.operationId());
        }
        if (filter.from() != null) {
            clauses.add("recordedAt >= :from");
            params.and("from", filter.from());
        }
        if (filter.to() != null) {
            clauses.add("recordedAt < :to");
            params.and("to", filter.to());
        }
        Sort order = Sort.by("seq", Sort.Direction.Descending);
        return clauses.isEmpty()
                ? AuditEntry.findAll(order)
                : AuditEntry.find(String.join(" and ", clauses), order, params);
    }

    /**
     * The sequence number of the newest row. Every state change is audited in its own transaction, so this is
     * also a global change counter: caches of configuration compare it to know whether they are stale.
     */
    public long headSeq() {
        return em.createQuery("select h.lastSeq from AuditHead h", Long.class).getSingleResult();
    }

    /** Recomputes the whole chain; reports the first row whose sequence, link or hash does not hold. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ChainVerification verify() {
        String expectedPrev = AuditChain.GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        while (true) {
            List<AuditEntry> batch = em.createQuery("from AuditEntry where seq >= :from order by seq", AuditEntry.class)
                    .setParameter("from", expectedSeq)
                    .setMaxResults(VERIFY_BATCH)
                    .getResultList();
            for (AuditEntry e : batch) {
                if (e.seq != expectedSeq) {
                    return ChainVerification.broken(checked, expectedSeq, "row missing from the sequence");
                }
                if (!expectedPrev.equals(e.prevHash)) {
                    return ChainVerification.broken(checked, e.seq, "previous-hash link does not match the row before");
                }
                if (!AuditChain.hash(e).equals(e.hash)) {
                    return ChainVerification.broken(checked, e.seq, "row content does not match its hash");
                }
                expectedPrev = e.hash;
                expectedSeq++;
                checked++;
            }
            em.clear();
            if (batch.size() < VERIFY_BATCH) {
                break;
            }
        }
        AuditHead head = em.find(AuditHead.class, AuditHead.ID);
        if (head.lastSeq != checked || !head.lastHash.equals(expectedPrev)) {
            return ChainVerification.broken(checked, checked + 1, "rows at the end of the log are missing");
        }
        return ChainVerification.ok(checked);
    }

    /** The rows that concern an operation, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntry> ofOperation(long operationId) {
        return AuditEntry.list("operationId", Sort.by("seq"), operationId);
    }

    /** Filters of {@link #search}; null means any. */
    /** Null fields match anything; {@code from} is inclusive, {@code to} exclusive. */
    public record AuditFilter(
            String actor,
            String action,
            String entityType,
            String entityId,
            Instant from,
            Instant to,
            Long operationId) {}
}
