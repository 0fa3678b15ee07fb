package org.takedown.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.takedown.support.FakeBotApi;
import org.takedown.support.TelegramOperation;
import org.takedown.support.TelegramProfile;

/**
 * Run by {@code bench/telegram.sh}, not by {@code ./mvnw verify} (the name does not end in Test): one notice run to
 * {@code bench.chats} channels through the real dispatcher and TelegramBots client, against the fake Bot API enforcing
 * Telegram's limits (30 messages/s per bot). Prints the achieved rate against the allowed one and the 429 count.
 */
@QuarkusTest
@TestProfile(TelegramThroughputBench.ProductionPacing.class)
public class TelegramThroughputBench {

    /** The test profile, but with the production headroom. */
    public static class ProductionPacing extends TelegramProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new java.util.HashMap<>(super.getConfigOverrides());
            overrides.remove("takedown.telegram.pace.headroom");
            return overrides;
        }
    }

    FakeBotApi telegram;

    @Test
    void oneRunToManyChats() {
        int chats = Integer.getInteger("bench.chats", 1000);
        double allowed = 30.0;
        telegram.reset();
        long setup = System.nanoTime();
        TelegramOperation op = TelegramOperation.active(
                telegram,
                chats,
                TelegramOperation.notice(
                        "Using spoofing services for criminal purposes is illegal. <b>{reference}</b>"));
        System.out.printf(
                "setup: %d chats prepared, preflighted and approved in %.1f s%n",
                chats, (System.nanoTime() - setup) / 1e9);
        long run = op.sendNow();
        List<Map<String, Object>> rows = op.awaitSettled(run, Duration.ofSeconds(chats / 10 + 60));
        Set<String> targets = op.chats().stream().map(String::toLowerCase).collect(Collectors.toSet());
        List<Instant> times = telegram.delivered().stream()
                .filter(d -> targets.contains(d.chat().toLowerCase()))
                .map(FakeBotApi.Delivered::at)
                .sorted()
                .toList();
        long sent = rows.stream().filter(r -> "SENT".equals(r.get("status"))).count();
        double seconds =
                Duration.between(times.get(0), times.get(times.size() - 1)).toNanos() / 1e9;
        double achieved = (times.size() - 1) / seconds;
        System.out.printf(
                "RESULT chats=%d sent=%d delivered=%d seconds=%.2f achieved=%.2f/s allowed=%.0f/s ratio=%.3f 429s=%d%n",
                chats, sent, times.size(), seconds, achieved, allowed, achieved / allowed, telegram.tooManyRequests());
        // Where the time went: gaps much longer than the pace (the dispatcher fell behind), and the tightest second.
        long stalls = 0;
        double stalled = 0;
        Duration tightest = Duration.ofDays(1);
        for (int i = 1; i < times.size(); i++) {
            Duration gap = Duration.between(times.get(i - 1), times.get(i));
            if (gap.toMillis() > 100) {
                stalls++;
                stalled += gap.toNanos() / 1e9;
            }
            if (i >= 30) {
                Duration span = Duration.between(times.get(i - 30), times.get(i));
                tightest = span.compareTo(tightest) < 0 ? span : tightest;
            }
        }
        System.out.printf(
                "DETAIL gaps>100ms=%d (%.2f s in all) tightest 31 messages span %d ms%n",
                stalls, stalled, tightest.toMillis());
        assertEquals(chats, times.size(), "every chat got the notice exactly once");
    }
}
