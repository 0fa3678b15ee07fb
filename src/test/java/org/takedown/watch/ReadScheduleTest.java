package org.takedown.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Ten thousand targets spread over their interval; jittered next reads; no pile-up after an outage. */
class ReadScheduleTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Duration EVERY = Duration.ofMinutes(15);

    @Test
    void tenThousandNewTargetsDoNotFireInTheSameSecond() {
        Map<Long, Integer> perSecond = new HashMap<>();
        for (long id = 1; id <= 10_000; id++) {
            Instant first = ReadSchedule.first(NOW, id, EVERY);
            assertTrue(!first.isBefore(NOW) && first.isBefore(NOW.plus(EVERY)), "within the first interval: " + first);
            assertEquals(first, ReadSchedule.first(NOW, id, EVERY), "the same place on every replica");
            perSecond.merge(first.getEpochSecond(), 1, Integer::sum);
        }
        int busiest =
                perSecond.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        // 10,000 over 900 s is 11.1 a second; consecutive ids crowding together would show as hundreds.
        assertTrue(busiest <= 35, "busiest second: " + busiest);
        assertTrue(perSecond.size() >= 890, "seconds used: " + perSecond.size());
    }

    @Test
    void eachNextReadIsAnIntervalLaterWithinTheJitter() {
        Random random = new Random(7);
        Instant due = NOW.minusSeconds(3);
        long earliest = Long.MAX_VALUE;
        long latest = Long.MIN_VALUE;
        for (int i = 0; i < 1000; i++) {
            long offset = Duration.between(due, ReadSchedule.next(due, NOW, EVERY, 0.1, random))
                    .toMillis();
            earliest = Math.min(earliest, offset);
            latest = Math.max(latest, offset);
        }
        assertTrue(earliest >= 810_000 && latest <= 990_000, earliest + ".." + latest);
        assertTrue(latest - earliest > 150_000, "the jitter really moves reads apart: " + earliest + ".." + latest);
    }

    @Test
    void afterAnOutageReadsSpreadOverTheNextIntervalInsteadOfAllNow() {
        Random random = new Random(11);
        Map<Long, Integer> perMinute = new HashMap<>();
        for (int i = 0; i < 1000; i++) {
            Instant next = ReadSchedule.next(NOW.minus(Duration.ofHours(5)), NOW, EVERY, 0.1, random);
            assertTrue(next.isAfter(NOW) && !next.isAfter(NOW.plus(EVERY)), next.toString());
            perMinute.merge(Duration.between(NOW, next).toMinutes(), 1, Integer::sum);
        }
        assertTrue(perMinute.values().stream().allMatch(n -> n < 150), "spread over the interval: " + perMinute);
    }
}
