package org.takedown.watch;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * When a target's reads fall due. A new target's first read lands at a fixed point of its interval derived from its
 * id, so ten thousand targets added in one go spread evenly over the interval instead of firing in the same second;
 * each later read keeps that phase, moved by a random jitter so that targets drift apart rather than together.
 */
final class ReadSchedule {

    private ReadSchedule() {}

    /** The first read: somewhere in the next interval, the same place for the same id on every replica. */
    static Instant first(Instant now, long targetId, Duration every) {
        long spread = Math.floorMod(mix(targetId), every.toMillis());
        return now.plusMillis(spread);
    }

    /**
     * The read after the one due at {@code due}: an interval later, jittered by up to {@code jitter} of it either way.
     * After an outage (that moment already past) the read goes to a random point of the next interval, not to now.
     */
    static Instant next(Instant due, Instant now, Duration every, double jitter, RandomGenerator random) {
        long interval = every.toMillis();
        long shift = (long) (interval * jitter * (2 * random.nextDouble() - 1));
        Instant next = due.plusMillis(interval + shift);
        return next.isAfter(now) ? next : now.plusMillis(1 + random.nextLong(interval));
    }

    /** A 64-bit finaliser (SplitMix64): consecutive ids land far apart. */
    private static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
