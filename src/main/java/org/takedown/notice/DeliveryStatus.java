package org.takedown.notice;

import java.util.EnumSet;
import java.util.Set;

/** Where one message to one chat stands. Only PENDING and RETRY_AT rows are ever claimed. */
public enum DeliveryStatus {
    /** Waiting for its turn (also after a 429, which does not count as an attempt). */
    PENDING,
    /** A worker committed its claim and is calling Telegram. */
    CLAIMED,
    /** Telegram answered with a message id. */
    SENT,
    /** A retryable failure (5xx, network before sending); tried again after a backoff. */
    RETRY_AT,
    /** Will not be delivered: the target refused the bot, or Telegram refused the content. */
    FAILED_PERMANENT,
    /** Retryable failures used up every attempt; an officer may resend. */
    FAILED_RETRYABLE,
    /** Sent or not, nobody knows (no answer, or the worker died mid-call): never resent automatically. */
    UNKNOWN,
    /** No bot token: rendered and recorded with its payload, not sent. */
    DRY_RUN,
    /** Not sent on purpose (send window closed, notice blocked). */
    SKIPPED;

    static final Set<DeliveryStatus> CLAIMABLE = EnumSet.of(PENDING, RETRY_AT);
}
