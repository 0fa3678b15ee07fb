package org.takedown.delivery;

import java.time.Duration;

/**
 * A channel's limits, which the engine keeps across replicas, each rate taken at {@code headroom} of itself: at most
 * {@code perSecond} messages a second from the whole channel and, when {@code weightPerSecond} is above zero, at most
 * that much {@link Delivery#weight} a second (an SMS provider's fragments); at most one message per
 * {@code addressSpacing} to one address; and, with {@code arrivalWindow}, no replica starting a send within a second of
 * the answer to its send {@code perSecond} before (for providers that count arrivals in a one-second window, such as
 * Telegram). A rate per minute is a rate per second over 60 (an email relay's 120/min is 2/s).
 */
public record Pace(
        double perSecond, double weightPerSecond, double headroom, Duration addressSpacing, boolean arrivalWindow) {

    public Pace {
        if (!(perSecond > 0) || weightPerSecond < 0 || !(headroom > 0) || headroom > 1 || addressSpacing.isNegative()) {
            throw new IllegalArgumentException("A pace needs a rate above zero and a headroom in (0, 1]: " + perSecond
                    + "/s, " + weightPerSecond + " weight/s, headroom " + headroom);
        }
    }

    /** Limits on messages only (every message weighs the same). */
    public static Pace of(double perSecond, double headroom, Duration addressSpacing, boolean arrivalWindow) {
        return new Pace(perSecond, 0, headroom, addressSpacing, arrivalWindow);
    }

    /** How long the channel is busy with a message of this weight: the next message from it starts no sooner. */
    public Duration span(int weight) {
        long messages = Math.round(1e9 / (perSecond * headroom));
        long weighed = weightPerSecond > 0 ? Math.round(1e9 * Math.max(1, weight) / (weightPerSecond * headroom)) : 0;
        return Duration.ofNanos(Math.max(messages, weighed));
    }
}
