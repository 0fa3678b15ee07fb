package org.takedown.delivery;

import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The settings every channel's dispatcher shares ({@code takedown.<channel>.dispatch.*}); a channel adds how many sends
 * it keeps in flight and its provider's call timeout to make its {@link Dispatch}.
 */
public interface DispatchConfig {

    /** Off: this replica sends nothing on the channel (others may). */
    @WithDefault("true")
    boolean enabled();

    /**
     * How far ahead a claim hands out send slots. Claims then keep ahead of the pace however long a claim transaction
     * takes; the price is that a kill switch lets the rows already claimed (at most this much sending) still go, and a
     * replica killed outright leaves them UNKNOWN.
     */
    @WithDefault("300ms")
    Duration lookahead();

    /** Attempts for retryable failures (5xx, network, no bind) before a row is FAILED_RETRYABLE. */
    @WithDefault("5")
    int maxAttempts();

    /** First retry delay; doubled per attempt, with jitter, up to {@link #backoffMax()}. */
    @WithDefault("2s")
    Duration backoffBase();

    @WithDefault("5m")
    Duration backoffMax();

    /** How long a claim outlives the provider's call timeout before it is declared UNKNOWN (the worker died mid-call). */
    @WithDefault("10s")
    Duration leaseMargin();

    /** How often an idle dispatcher looks for work queued by other replicas or now due. */
    @WithDefault("1s")
    Duration poll();

    /** These settings with the channel's sends in flight (claimed or called) and its provider's call timeout. */
    default Dispatch with(int workers, Duration callTimeout) {
        return with(workers, workers, callTimeout);
    }

    /**
     * These settings with the rows the channel may hold at once, the calls it may have in flight among them, and its
     * provider's call timeout.
     */
    default Dispatch with(int workers, int inFlight, Duration callTimeout) {
        return new Dispatch(
                enabled(),
                workers,
                inFlight,
                lookahead(),
                maxAttempts(),
                backoffBase(),
                backoffMax(),
                callTimeout,
                leaseMargin(),
                poll());
    }
}
