package org.takedown.delivery;

import java.util.EnumSet;
import java.util.Set;

/** Where one ledger row stands. Only PENDING and RETRY_AT rows are ever claimed. */
public enum DeliveryStatus {
    /** Waiting for its turn (also after a rate limit, which does not count as an attempt). */
    PENDING,
    /** A worker committed its claim and is calling the provider. */
    CLAIMED,
    /** The provider accepted it (with its id for the message). */
    SENT,
    /** A receipt said it reached the recipient. */
    DELIVERED,
    /** A retryable failure (5xx, network before sending); tried again after a backoff. */
    RETRY_AT,
    /** Will not be delivered: the recipient refused or is gone, or the provider refused the content. */
    FAILED_PERMANENT,
    /** Retryable failures used up every attempt; an officer may resend. */
    FAILED_RETRYABLE,
    /** Sent or not, nobody knows (no answer, or the worker died mid-call): never resent automatically. */
    UNKNOWN,
    /** The channel runs dry: rendered and recorded, not sent. */
    DRY_RUN,
    /** Not sent on purpose (send window closed, content refused). */
    SKIPPED;

    public static final Set<DeliveryStatus> CLAIMABLE = EnumSet.of(PENDING, RETRY_AT);
}
