package org.takedown.delivery;

/**
 * The engine's one door for a channel (Telegram, SMS, email): its name, its sender (live, or dry-run, chosen once at
 * start), its limits, and what an outcome means beyond the row. Every effect method runs in the transaction that
 * records the outcome, before the engine's own part (holding the recipient, skipping the content's waiting rows,
 * moving the recipient's rows): a channel that locks its own records (a target, a notice) does so first, here, as it
 * does when an officer changes them, so that the two orders never deadlock. The reasons a channel gives (in outcomes, receipts) are kept in the ledger and the audit log: they must not
 * carry personal data (a phone number echoed by a provider is scrubbed by the channel).
 */
public interface Channel {

    /** The name rows carry ({@link Delivery#channel}): lower case, stable. */
    String name();

    /** The sender, chosen at start: a live one, or {@link Sender#DRY_RUN}. */
    Sender sender();

    default boolean dryRun() {
        return sender() == Sender.DRY_RUN;
    }

    Pace pace();

    Dispatch dispatch();

    /**
     * Called by this replica's dispatcher before it claims (when idle, and every few hundred milliseconds while sending):
     * what must be done before rows may go, outside any transaction, such as Telegram's preflight of a new run, which
     * releases the run's hold. Runs on the dispatcher's thread: keep it short.
     */
    default void prepare() {}

    /**
     * After a row was recorded SENT (committed), on the sender's thread, outside any transaction: a step that must not
     * decide whether the message went, such as pinning a Telegram message. An exception here is logged, nothing more.
     */
    default void afterSent(Claimed row, String providerId) {}

    /** The recipient refused or is gone ({@link Outcome.RecipientGone}): e.g. suspend a Telegram target. */
    default void recipientGone(Delivery row, String reason) {}

    /**
     * The provider refused the content ({@link Outcome.ContentRefused}): e.g. block the notice. {@code waiting} rows
     * with the same content are about to be skipped.
     */
    default void contentRefused(Delivery row, String reason, int waiting) {}

    /** The recipient has a new address ({@link Outcome.Moved}): e.g. a Telegram group became a supergroup. */
    default void moved(Delivery row, String from, String to) {}

    /**
     * A receipt said a sent message failed ({@link Receipts}): permanently (e.g. suppress the recipient), or for now,
     * when the answer says whether to send it again (inside its window); by default not.
     */
    default boolean receiptFailed(Delivery row, boolean permanent, String reason) {
        return false;
    }
}
