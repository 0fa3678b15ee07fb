package org.takedown.operation;

/** Lifecycle of an operation; {@link Transition} says which moves are legal. */
public enum OperationStatus {
    DRAFT, PENDING_APPROVAL, APPROVED, ACTIVE, PAUSED, ENDED, CANCELLED;

    /** The public or Telegram may see this operation's content (or will, on schedule). */
    public boolean isArmed() {
        return this == APPROVED || this == ACTIVE;
    }

    /** Approved content that an edit would send back for approval. */
    boolean holdsApprovedContent() {
        return this == APPROVED || this == ACTIVE || this == PAUSED;
    }

    /** Ended or cancelled: nothing about it may change any more. */
    public boolean isOver() {
        return this == ENDED || this == CANCELLED;
    }
}
