package org.takedown.victim.campaign;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a campaign can reach every recipient inside its window at the provider's rate, counted in what the provider
 * counts: message parts for an SMSC (its rate is in {@code submit_sm}, one per part), messages for GOV.UK Notify (its
 * rate is in requests): when it would finish (starting at {@code from}), and the rate it would need to finish by the
 * deadline.
 *
 * @param parts what the provider's rate counts for every recipient (their own text's parts, summed; or one each)
 * @param finishes null when the window closes first
 * @param rateNeeded parts per second that would reach every recipient in the open time left (null: none left)
 */
public record Plan(
        double rate, long recipients, long parts, Instant finishes, boolean meetsDeadline, Double rateNeeded) {

    public static Plan of(CampaignWindow window, Instant from, long recipients, long parts, double rate) {
        Duration work = Duration.ofMillis((long) Math.ceil(parts * 1000.0 / rate));
        Instant finishes = window.finishes(from, work).orElse(null);
        long openMillis = window.openBetween(from, window.end()).toMillis();
        Double needed = null;
        if (parts == 0) {
            needed = 0.0;
        } else if (openMillis > 0) {
            needed = Math.ceil(parts * 100_000.0 / openMillis) / 100;
        }
        return new Plan(rate, recipients, parts, finishes, parts == 0 || finishes != null, needed);
    }
}
