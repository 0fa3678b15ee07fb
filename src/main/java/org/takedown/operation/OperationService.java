package org.takedown.operation;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;
import org.takedown.audit.AuditLog;
import org.takedown.common.ProblemException;

/**
 * Operations: creation, edits, the lifecycle and four-eyes approval. Every state change writes exactly one
 * audit row in its own transaction. Other capabilities edit their parts of an operation through
 * {@link #lockForEdit} and {@link #recordEdit}, so the same approval rules hold for every part.
 */
@ApplicationScoped
public class OperationService {

    public static final String ENTITY = "operation";
    static final String SCHEDULER = "system:scheduler";
    private static final Logger LOG = Logger.getLogger(OperationService.class);

    @Inject
    AuditLog audit;

    @Inject
    PublicContent publicContent;

    @Inject
    Event<OperationStatusChanged> statusChanged;

    @Inject
    jakarta.enterprise.inject.Instance<ApprovalCheck> approvalChecks;

    @Inject
    Clock clock;

    public Operation get(long id) {
        Operation operation = Operation.findById(id);
        if (operation == null) {
            throw ProblemException.notFound("Operation " + id);
        }
        return operation;
    }

    public PanacheQuery<Operation> search(OperationStatus status, String text) {
        List<String> clauses = new ArrayList<>();
        Parameters params = new Parameters();
        if (status != null) {
            clauses.add("status = :status");
            params.and("status", status);
        }
        if (text != null && !text.isBlank()) {
            clauses.add("(lower(name) like :text or lower(codeName) like :text)");
            params.and("text", "%" + text.strip().toLowerCase(Locale.ROOT) + "%");
        }
        Sort order = Sort.by("id", Sort.Direction.Descending);
        return clauses.isEmpty()
                ? Operation.findAll(order)
                : Operation.find(String.join(" and ", clauses), order, params);
    }

    public List<Operation> inStatus(java.util.Collection<OperationStatus> statuses) {
        return Operation.list("status in ?1", Sort.by("id"), statuses);
    }

    /** Id → optimistic-lock version of the operations in these statuses; the version moves with every change. */
    public Map<Long, Long> versionsInStatus(java.util.Collection<OperationStatus> statuses) {
        Map<Long, Long> versions = new LinkedHashMap<>();
        for (Object[] row : Operation.getEntityManager()
                .createQuery(
                        "select o.id, o.version from Operation o where o.status in ?1 order by o.id", Object[].class)
                .setParameter(1, statuses)
                .getResultList()) {
            versions.put((Long) row[0], (Long) row[1]);
        }
        return versions;
    }

    /** Ids of the operations in this status (cheap enough to ask many times a second). */
    public List<Long> idsInStatus(OperationStatus status) {
        return Operation.getEntityManager()
                .createQuery("select o.id from Operation o where o.status = ?1", Long.class)
                .setParameter(1, status)
                .getResultList();
    }

    /** When the operation was last approved, if ever. */
    public java.util.Optional<Instant> lastApprovedAt(long operationId) {
        return ApprovalDecision.<ApprovalDecision>find(
                        "operationId = ?1 and decision = ?2",
                        Sort.by("id", Sort.Direction.Descending),
                        operationId,
                        ApprovalDecision.Decision.APPROVED)
                .firstResultOptional()
                .map(d -> d.decidedAt);
    }

    @Transactional
    public Operation create(String actor, OperationRequest request) {
        requireUniqueCodeName(request.codeName(), null);
        Operation operation = new Operation();
        operation.status = OperationStatus.DRAFT;
        operation.legalAuthority = new LegalAuthority();
        operation.createdBy = actor;
        operation.createdAt = clock.instant();
        apply(operation, request);
        operation.updatedBy = actor;
        operation.updatedAt = operation.createdAt;
        operation.contentAuthors.add(actor);
        operation.contentHash = "";
        operation.persist();
        operation.contentHash = publicContent.of(operation).sha256();
        audit.recordFor(
                operation.id,
                actor,
                "OPERATION_CREATED",
                ENTITY,
                operation.id,
                Map.of("name", operation.name, "codeName", operation.codeName));
        return operation;
    }

    @Transactional
    public Operation update(String actor, long id, OperationRequest request) {
        Operation operation = lockForEdit(id);
        if (request.version() != null && request.version() != operation.version) {
            throw ProblemException.conflict("Someone else changed this operation since you read it (version "
                    + request.version() + ", now " + operation.version + "); read it again");
        }
        requireUniqueCodeName(request.codeName(), operation.id);
        apply(operation, request);
        recordEdit(operation, actor, "OPERATION_UPDATED", ENTITY, operation.id, Map.of("name", operation.name));
        return operation;
    }

    /**
     * Holds the operation's row until the caller's transaction ends, without changing it: work about one operation
     * that must not run twice at once (queueing what watching found) waits for the other. Only this package locks
     * operation rows ({@code ArchitectureTest}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void holdRow(long id) {
        Operation.findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Locks the operation for a change to it or one of its parts; refuses operations that are over. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Operation lockForEdit(long id) {
        Operation operation = Operation.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (operation == null) {
            throw ProblemException.notFound("Operation " + id);
        }
        if (operation.status.isOver()) {
            throw ProblemException.conflict(
                    "Operation " + id + " is " + operation.status + " and can no longer be changed");
        }
        return operation;
    }

    /**
     * Records an edit of the operation or one of its parts, made in the caller's transaction after
     * {@link #lockForEdit}. If the public content changed, the editor becomes one of its authors, and an
     * approved, active or paused operation goes back to PENDING_APPROVAL (disarming its schedules).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordEdit(
            Operation operation,
            String actor,
            String action,
            String entityType,
            Object entityId,
            Map<String, ?> details) {
        Map<String, Object> summary = new LinkedHashMap<>(details);
        String hash = publicContent.of(operation).sha256();
        boolean contentChanged = !hash.equals(operation.contentHash);
        operation.contentHash = hash;
        operation.updatedBy = actor;
        operation.updatedAt = clock.instant();
        if (contentChanged) {
            operation.contentAuthors.add(actor);
            summary.put("contentHash", hash);
            if (operation.status.holdsApprovedContent() && !hash.equals(operation.approvedContentHash)) {
                summary.put("status", operation.status + "->" + OperationStatus.PENDING_APPROVAL);
                operation.submittedBy = actor;
                operation.submittedAt = operation.updatedAt;
                changeStatus(operation, OperationStatus.PENDING_APPROVAL);
            }
        }
        audit.recordFor(operation.id, actor, action, entityType, entityId, summary);
    }

    @Transactional
    public Operation transition(String actor, long id, Transition transition, String reason) {
        if (transition == Transition.APPROVE || transition == Transition.REJECT) {
            throw new IllegalArgumentException("approve and reject carry their own checks");
        }
        Operation operation = lockedForTransition(id, transition);
        if (transition == Transition.SUBMIT) {
            operation.submittedBy = actor;
            operation.submittedAt = clock.instant();
        }
        move(operation, actor, transition, reason == null ? Map.of() : Map.of("reason", reason));
        return operation;
    }

    @Transactional
    public Operation approve(String actor, long id, DecisionRequest.Approve request) {
        Operation operation = lockedForTransition(id, Transition.APPROVE);
        if (actor.equals(operation.submittedBy) || operation.contentAuthors.contains(actor)) {
            throw ProblemException.forbidden("Four-eyes rule: " + actor
                    + " submitted or changed this content, so another approver must approve it");
        }
        if (!operation
                .legalAuthority
                .reference
                .strip()
                .equalsIgnoreCase(request.legalReference().strip())) {
            throw ProblemException.invalidField(
                    422, "legalReference", "does not match the operation's legal authority reference");
        }
        PublicContent.Snapshot content = publicContent.of(operation);
        if (request.contentHash() != null && !request.contentHash().equals(content.sha256())) {
            throw ProblemException.conflict("The content changed since you reviewed it (now " + content.sha256() + ")");
        }
        List<org.takedown.common.Problem.FieldError> problems = new ArrayList<>();
        approvalChecks.forEach(check -> problems.addAll(check.problems(operation)));
        if (!problems.isEmpty()) {
            throw new ProblemException(
                    422, "Unprocessable Content", "The operation cannot be approved as it is", problems);
        }
        ApprovalDecision decision = decide(operation, actor, ApprovalDecision.Decision.APPROVED, content);
        decision.legalReference = request.legalReference().strip();
        operation.approvedContentHash = content.sha256();
        operation.contentAuthors.clear();
        move(
                operation,
                actor,
                Transition.APPROVE,
                Map.of(
                        "contentHash",
                        content.sha256(),
                        "legalReference",
                        decision.legalReference,
                        "decision",
                        decision.id));
        return operation;
    }

    @Transactional
    public Operation reject(String actor, long id, DecisionRequest.Reject request) {
        Operation operation = lockedForTransition(id, Transition.REJECT);
        ApprovalDecision decision =
                decide(operation, actor, ApprovalDecision.Decision.REJECTED, publicContent.of(operation));
        decision.reason = request.reason();
        move(operation, actor, Transition.REJECT, Map.of("reason", request.reason(), "decision", decision.id));
        return operation;
    }

    /** Applies a transition armed on Quartz; a transition that no longer applies is skipped, not forced. */
    @Transactional
    public void applyScheduled(long id, Transition transition) {
        Operation operation = Operation.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (operation == null || !transition.allowedFrom(operation.status)) {
            LOG.infof(
                    "Scheduled %s of operation %d skipped: it is %s",
                    transition, id, operation == null ? "gone" : operation.status);
            return;
        }
        move(operation, SCHEDULER, transition, Map.of("scheduled", true));
    }

    /** The operations that ended or were cancelled before {@code cutoff}. */
    public List<Long> idsOverBefore(Instant cutoff) {
        return Operation.getEntityManager()
                .createQuery("select o.id from Operation o where o.endedAt < ?1 order by o.id", Long.class)
                .setParameter(1, cutoff)
                .getResultList();
    }

    /** Whether the operation ended or was cancelled; a 404 for one that does not exist. */
    public boolean isOver(long id) {
        return get(id).status.isOver();
    }

    public List<ApprovalDecision> decisions(long operationId) {
        get(operationId);
        return ApprovalDecision.list("operationId", Sort.by("id", Sort.Direction.Descending), operationId);
    }

    public ApprovalDecision decision(long operationId, long decisionId) {
        ApprovalDecision decision = ApprovalDecision.findById(decisionId);
        if (decision == null || decision.operationId != operationId) {
            throw ProblemException.notFound("Decision " + decisionId + " of operation " + operationId);
        }
        return decision;
    }

    public PublicContent.Snapshot content(long id) {
        return publicContent.of(get(id));
    }

    /**
     * What changed in the public content since its last approval, for the approver; every value is new when the
     * operation was never approved.
     */
    @Transactional
    public List<ContentChanges.Change> changesSinceApproval(long id) {
        String current = content(id).json();
        String approved = ApprovalDecision.<ApprovalDecision>find(
                        "operationId = ?1 and decision = ?2",
                        Sort.by("id", Sort.Direction.Descending),
                        id,
                        ApprovalDecision.Decision.APPROVED)
                .firstResultOptional()
                .map(decision -> decision.content)
                .orElse(null);
        return ContentChanges.between(approved, current);
    }

    private Operation lockedForTransition(long id, Transition transition) {
        Operation operation = Operation.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (operation == null) {
            throw ProblemException.notFound("Operation " + id);
        }
        if (!transition.allowedFrom(operation.status)) {
            throw ProblemException.conflict("Cannot " + transition.name().toLowerCase(Locale.ROOT)
                    + " an operation that is " + operation.status + "; allowed from " + transition.from());
        }
        return operation;
    }

    private void move(Operation operation, String actor, Transition transition, Map<String, ?> details) {
        OperationStatus from = operation.status;
        OperationStatus to = transition.target(operation);
        operation.pausedFrom = transition == Transition.PAUSE ? from : null;
        operation.updatedBy = actor;
        operation.updatedAt = clock.instant();
        changeStatus(operation, to);
        Map<String, Object> summary = new LinkedHashMap<>(details);
        summary.put("status", from + "->" + to);
        audit.recordFor(operation.id, actor, transition.auditAction(), ENTITY, operation.id, summary);
    }

    private void changeStatus(Operation operation, OperationStatus to) {
        OperationStatus from = operation.status;
        operation.status = to;
        if (to.isOver() && operation.endedAt == null) {
            operation.endedAt = clock.instant();
        }
        if (to != OperationStatus.PAUSED) {
            operation.pausedFrom = null;
        }
        statusChanged.fire(new OperationStatusChanged(operation.id, from, to));
    }

    private ApprovalDecision decide(
            Operation operation, String actor, ApprovalDecision.Decision kind, PublicContent.Snapshot content) {
        ApprovalDecision decision = new ApprovalDecision();
        decision.operationId = operation.id;
        decision.decision = kind;
        decision.decidedBy = actor;
        decision.decidedAt = clock.instant();
        decision.contentHash = content.sha256();
        decision.content = content.json();
        decision.persist();
        return decision;
    }

    private void apply(Operation operation, OperationRequest request) {
        Instant activateAt = LocalTimes.toInstant(request.activateAt(), request.timezone());
        Instant endAt = LocalTimes.toInstant(request.endAt(), request.timezone());
        if (activateAt != null && endAt != null && !endAt.isAfter(activateAt)) {
            throw ProblemException.invalidField(400, "endAt", "must be after activateAt");
        }
        operation.name = request.name();
        operation.codeName = request.codeName();
        operation.description = request.description();
        operation.timezone = request.timezone();
        operation.legalAuthority.type = request.legalAuthority().type();
        operation.legalAuthority.reference = request.legalAuthority().reference();
        operation.legalAuthority.issuedBy = request.legalAuthority().issuedBy();
        operation.legalAuthority.issuedOn = request.legalAuthority().issuedOn();
        operation.activateAt = activateAt;
        operation.endAt = endAt;
    }

    private static void requireUniqueCodeName(String codeName, Long exceptId) {
        Operation same = Operation.find("codeName", codeName).firstResult();
        if (same != null && !same.id.equals(exceptId)) {
            throw ProblemException.conflict("Code name " + codeName + " is already used by operation " + same.id);
        }
    }
}
