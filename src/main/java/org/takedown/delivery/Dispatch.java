package org.takedown.delivery;

import java.time.Duration;

/**
 * How a channel's rows are dispatched on each replica: whether this replica sends at all, how many rows it may hold at
 * once (claimed and waiting for their slots, or in flight), how many calls may be in flight at once (waiting for the
 * provider's answer: an SMPP window), how far ahead a claim hands out send slots, the retries of retryable failures (attempts, a
 * backoff doubling from {@code backoffBase} up to {@code backoffMax}), the provider's call timeout and the margin after
 * it before a claim whose worker died becomes UNKNOWN, and how often an idle dispatcher looks for work.
 */
public record Dispatch(
        boolean enabled,
        int workers,
        int inFlight,
        Duration lookahead,
        int maxAttempts,
        Duration backoffBase,
        Duration backoffMax,
        Duration callTimeout,
        Duration leaseMargin,
        Duration poll) {}
