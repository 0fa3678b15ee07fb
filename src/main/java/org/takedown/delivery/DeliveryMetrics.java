package org.takedown.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prometheus meters of the deliveries on this replica, per channel: {@code takedown_deliveries_total{channel,state}}
 * (rows the engine moved into a state: CLAIMED, SENT, UNKNOWN, FAILED_*, ...; PENDING again after a rate limit or a
 * released claim), {@code takedown_delivery_rate_limited_total{channel}} (rate limits from the provider),
 * {@code takedown_delivery_pacing_wait_seconds{channel}} (how long a claimed row waited for its send slot) and
 * {@code takedown_delivery_receipts_total{channel,matched}}. Each channel's series are registered when its dispatcher
 * starts, so they exist from the first scrape.
 */
@ApplicationScoped
public class DeliveryMetrics {

    @Inject
    MeterRegistry registry;

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> waits = new ConcurrentHashMap<>();

    /** Registers every series of a channel (at its dispatcher's start). */
    void register(String channel) {
        for (DeliveryStatus state : DeliveryStatus.values()) {
            entered(channel, state, 0);
        }
        rateLimited(channel, 0);
        waitTimer(channel);
        receipt(channel, true, 0);
        receipt(channel, false, 0);
    }

    void entered(String channel, DeliveryStatus state) {
        entered(channel, state, 1);
    }

    void entered(String channel, DeliveryStatus state, long rows) {
        counters.computeIfAbsent(
                        "deliveries|" + channel + "|" + state,
                        key -> Counter.builder("takedown.deliveries")
                                .description("Deliveries recorded into a state")
                                .tag("channel", channel)
                                .tag("state", state.name())
                                .register(registry))
                .increment(rows);
    }

    void rateLimited(String channel) {
        rateLimited(channel, 1);
    }

    private void rateLimited(String channel, long count) {
        counters.computeIfAbsent(
                        "limited|" + channel,
                        key -> Counter.builder("takedown.delivery.rate.limited")
                                .description("Rate limits the provider answered with")
                                .tag("channel", channel)
                                .register(registry))
                .increment(count);
    }

    void waitedForSlot(String channel, Duration waited) {
        waitTimer(channel).record(waited);
    }

    void receipt(String channel, boolean matched, long count) {
        counters.computeIfAbsent(
                        "receipts|" + channel + "|" + matched,
                        key -> Counter.builder("takedown.delivery.receipts")
                                .description("Delivery receipts received, matched to a row or kept unmatched")
                                .tag("channel", channel)
                                .tag("matched", Boolean.toString(matched))
                                .register(registry))
                .increment(count);
    }

    private Timer waitTimer(String channel) {
        return waits.computeIfAbsent(
                channel,
                key -> Timer.builder("takedown.delivery.pacing.wait")
                        .description("Time a claimed delivery waited for its send slot")
                        .tag("channel", channel)
                        .register(registry));
    }
}
