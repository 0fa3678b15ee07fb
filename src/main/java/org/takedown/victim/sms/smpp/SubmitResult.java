package org.takedown.victim.sms.smpp;

import java.time.Duration;
import java.util.List;

/** What became of one message's {@code submit_sm}s, in the classes the SMS channel turns into the engine's outcomes. */
public sealed interface SubmitResult {

    /** Every part accepted; the SMSC's message id of each part, in order (receipts name them). */
    record Accepted(List<String> messageIds) implements SubmitResult {}

    /** The SMSC is throttling or its queue is full before any part left: the whole connector waits this long. */
    record Throttled(Duration pause, int commandStatus) implements SubmitResult {}

    /** The SMSC refused the message ({@code command_status}); {@code permanent} when sending it again cannot help. */
    record Refused(int commandStatus, boolean permanent, String reason) implements SubmitResult {}

    /** No bind to send on (refused, or the SMSC unreachable): nothing left, so trying later is safe. */
    record NotConnected(String reason) implements SubmitResult {}

    /** A part may or may not have reached the SMSC (no answer, the bind lost mid-message): never sent again by itself. */
    record NoAnswer(String reason, List<String> acceptedParts) implements SubmitResult {}
}
