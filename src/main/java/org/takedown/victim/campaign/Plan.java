package org.takedown.victim.campaign;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a campaign can reach every recipient inside its window at the provider's rate: when it would finish
 * (starting at {@code from}), and the rate it would need to finish by the deadline.
 *
 * @param finishes null when the window closes first
 * @param rateNeeded messages per second that would reach every recipient in the open time left (null: none left)
 */
public record Plan(double rate, long recipients, Instant finishes, boolean meetsDeadline, Double rateNeeded) {

    static Plan of(CampaignWindow window, Instant from, long recipients, double rate) {
        Duration work = Duration.ofMillis((long) Math.ceil(recipients * 1000.0 / rate));
        Instant finishes = window.finishes(from, work).orElse(null);
        long openMillis = window.openBetween(from, window.end()).toMillis();
        Double needed = null;
        if (recipients == 0) {
            needed = 0.0;
        } else if (openMillis > 0) {
            needed = Math.ceil(recipients * 100_000.0 / openMillis) / 100;
        }
        return new Plan(rate, recipients, finishes, recipients == 0 || finishes != null, needed);
    }
}
