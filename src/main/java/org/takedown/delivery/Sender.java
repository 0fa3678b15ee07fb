package org.takedown.delivery;

/**
 * Makes the call for one claimed row, in two steps. {@link #prepare} reads what the call needs (the message, the
 * recipient's address), in transactions of its own, before the engine waits for the row's slot; the {@link Call} is
 * then nothing but the request, so that the sends after it, which wait for its answer (see {@link ArrivalWindow}), do
 * not wait for database work too. An exception from {@code prepare} means nothing was sent: the row is retried later.
 */
@FunctionalInterface
public interface Sender {

    Call prepare(Claimed row);

    /** One row's request, ready to go. */
    interface Call {

        /**
         * Makes the request and classifies the answer. The engine has recorded that the request is leaving before it
         * calls; an exception from here leaves the row to become UNKNOWN (nobody can tell whether it went).
         */
        Outcome send();

        /**
         * After the answer came back and before the outcome is recorded: what came with it (such as the SMSC's ids of
         * a long message's parts), in transactions of its own. An exception here is logged; the outcome stands.
         */
        default void answered(Outcome outcome) {}
    }

    /** Nothing to send: the outcome was decided while preparing (the victim was suppressed since the run was built). */
    record Decided(Outcome outcome) implements Call {

        @Override
        public Outcome send() {
            return outcome;
        }
    }

    /** The sender of a channel that sends nothing: every row is recorded DRY_RUN, unpaced. */
    Sender DRY_RUN = row -> new Decided(new Outcome.DryRun());
}
