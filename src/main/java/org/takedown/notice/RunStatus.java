package org.takedown.notice;

/** What a firing of a notice became. Its deliveries say how far the sending got. */
public enum RunStatus {
    /** Its deliveries are in the ledger. */
    QUEUED,
    /** Fired later than the notice's maximum lateness: nothing was sent. */
    SKIPPED_LATE,
    /** The notice is blocked (Telegram refused its content): nothing was queued. */
    BLOCKED
}
