package org.takedown.delivery;

/**
 * What became of one call to a provider, in the classes the ledger acts on. A channel classifies its provider's
 * answers into these ({@link Sender.Call#send}); the engine records the row and, for the classes that reach beyond it,
 * holds the recipient, skips the content or moves the recipient's pending rows, and tells the channel
 * ({@link Channel}'s effect methods).
 */
public sealed interface Outcome {

    /** Accepted; {@code providerId} names the message at the provider (a receipt will name it). */
    record Sent(String providerId) implements Outcome {}

    /**
     * The channel decided at the last moment not to send it (the recipient asked not to be contacted since the run was
     * queued): nothing was sent, and nothing will be.
     */
    record Skipped(String reason) implements Outcome {}

    /** The channel runs dry: nothing was sent. */
    record DryRun() implements Outcome {}

    /** Wait exactly this long before the next send to this recipient ({@code everyone}: from this channel at all). Not a failure. */
    record RateLimited(int retryAfterSeconds, boolean everyone) implements Outcome {}

    /**
     * The provider could not be reached (no connection, no bind): nothing was sent. The row waits, the whole channel
     * pauses this long, and it is not an attempt: a provider down for an hour leaves its rows waiting, not failed.
     */
    record Unreachable(String reason, int retryAfterSeconds) implements Outcome {}

    /** The recipient has a new address: send there, once (this row and its recipient's pending rows). */
    record Moved(String newAddress) implements Outcome {}

    /** The recipient refused or is gone (blocked, removed, no rights): this fails, and the recipient is held. */
    record RecipientGone(String reason) implements Outcome {}

    /** The provider refused the content: every pending row with the same content is skipped. */
    record ContentRefused(String reason) implements Outcome {}

    /** Not delivered; {@code retryable} when trying again later may succeed (5xx, a network failure before sending). */
    record Failed(String reason, boolean retryable) implements Outcome {}

    /** The request may or may not have reached the provider (no answer in time): never sent again automatically. */
    record Unknown(String reason) implements Outcome {}
}
