package org.takedown.operation;

import static org.takedown.operation.OperationStatus.ACTIVE;
import static org.takedown.operation.OperationStatus.APPROVED;
import static org.takedown.operation.OperationStatus.CANCELLED;
import static org.takedown.operation.OperationStatus.DRAFT;
import static org.takedown.operation.OperationStatus.ENDED;
import static org.takedown.operation.OperationStatus.PAUSED;
import static org.takedown.operation.OperationStatus.PENDING_APPROVAL;

import java.util.EnumSet;
import java.util.Set;

/** The legal moves of the lifecycle. Anything else is refused with 409. */
public enum Transition {
    SUBMIT(PENDING_APPROVAL, "OPERATION_SUBMITTED", DRAFT),
    APPROVE(APPROVED, "OPERATION_APPROVED", PENDING_APPROVAL),
    REJECT(DRAFT, "OPERATION_REJECTED", PENDING_APPROVAL),
    ACTIVATE(ACTIVE, "OPERATION_ACTIVATED", APPROVED),
    PAUSE(PAUSED, "OPERATION_PAUSED", APPROVED, ACTIVE),
    /** Back to the state the operation was paused from. */
    RESUME(null, "OPERATION_RESUMED", PAUSED),
    END(ENDED, "OPERATION_ENDED", APPROVED, ACTIVE, PAUSED),
    CANCEL(CANCELLED, "OPERATION_CANCELLED", DRAFT, PENDING_APPROVAL, APPROVED, PAUSED);

    private final OperationStatus target;
    private final String auditAction;
    private final Set<OperationStatus> from;

    Transition(OperationStatus target, String auditAction, OperationStatus first, OperationStatus... rest) {
        this.target = target;
        this.auditAction = auditAction;
        this.from = EnumSet.of(first, rest);
    }

    public boolean allowedFrom(OperationStatus status) {
        return from.contains(status);
    }

    OperationStatus target(Operation operation) {
        return this == RESUME ? operation.pausedFrom : target;
    }

    String auditAction() {
        return auditAction;
    }

    Set<OperationStatus> from() {
        return from;
    }
}
