package org.takedown.operation;

/** Lifecycle of an operation; {@link Transition} says which moves are legal. */
public enum OperationStatus {
    DRAFT,
    PENDING_APPROVAL,
    APPROVED,
    ACTIVE,
    PAUSED,
    ENDED,
    CANCELLED;

    /** Approved content that an edit would send back for approval. */
    boolean holdsApprovedContent() {
        return this == APPROVED || this == ACTIVE || this == PAUSED;
    }

    /** Ended or cancelled: nothing about it may change any more. */
    public boolean isOver() {
        return this == ENDED || this == CANCELLED;
    }
}
