package org.takedown.victim.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether each SMS provider can be reached from this replica, as its channel last found: an SMSC without a bind, a
 * Notify that does not answer. A provider is down from its first failure after its last success; each replica judges
 * from what it sees, and a run fails over when the replica settling it has seen its provider down long enough.
 */
@ApplicationScoped
public class ProviderOutages {

    @Inject
    Clock clock;

    private final Map<String, Instant> failingSince = new ConcurrentHashMap<>();

    /** The channel's provider answered (accepted or refused: it is there). */
    public void reached(String channel) {
        failingSince.remove(channel);
    }

    /** The channel's provider could not be reached. */
    public void unreachable(String channel) {
        failingSince.putIfAbsent(channel, clock.instant());
    }

    /** How long the channel's provider has been down; zero when it is not. */
    public Duration downFor(String channel) {
        Instant since = failingSince.get(channel);
        return since == null ? Duration.ZERO : Duration.between(since, clock.instant());
    }
}
