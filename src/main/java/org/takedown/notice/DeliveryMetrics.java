package org.takedown.notice;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Prometheus meters of the deliveries on this replica: {@code takedown_deliveries_total{state}} (rows the dispatcher
 * moved into a state: CLAIMED, SENT, UNKNOWN, FAILED_*, ...; PENDING again after a 429 or a released claim),
 * {@code takedown_telegram_rate_limited_total} (429 answers) and {@code takedown_telegram_pacing_wait_seconds} (how
 * long a claimed row waited for its send slot). Registered at startup, so every series exists from the first scrape.
 */
@Startup
@ApplicationScoped
public class DeliveryMetrics {

    @Inject
    MeterRegistry registry;

    private final Map<DeliveryStatus, Counter> entered = new EnumMap<>(DeliveryStatus.class);
    private Counter rateLimited;
    private Timer pacingWait;

    @PostConstruct
    void register() {
        for (DeliveryStatus state : DeliveryStatus.values()) {
            entered.put(state, Counter.builder("takedown.deliveries").description("Deliveries recorded into a state")
                    .tag("state", state.name()).register(registry));
        }
        rateLimited = Counter.builder("takedown.telegram.rate.limited").description("429 answers from the Bot API")
                .register(registry);
        pacingWait = Timer.builder("takedown.telegram.pacing.wait").description("Time a claimed delivery waited for its send slot")
                .register(registry);
    }

    void entered(DeliveryStatus state) {
        entered.get(state).increment();
    }

    void entered(DeliveryStatus state, long rows) {
        entered.get(state).increment(rows);
    }

    void rateLimited() {
        rateLimited.increment();
    }

    void waitedForSlot(Duration waited) {
        pacingWait.record(waited);
    }
}
