package org.takedown.watch;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.takedown.support.Api;
import org.takedown.support.FakeChannelPreview;
import org.takedown.support.Fixtures;
import org.takedown.support.Prometheus;
import org.takedown.support.WatchScheduleProfile;

/**
 * Scheduled reads: only due channels of approved or active operations are read, each claim moves the next read an
 * interval on, and a channel that hangs holds one of the two read slots while the others keep being read.
 */
@QuarkusTest
@TestProfile(WatchScheduleProfile.class)
public class WatchScheduleTest {

    private static final Instant LATER = Instant.parse("2100-01-01T00:00:00Z");

    FakeChannelPreview telegram;

    @Inject
    WatchCycleJob cycle;

    @BeforeEach
    void nothingElseIsDue() {
        QuarkusTransaction.requiringNew().run(() -> WatchTarget.update("nextReadAt = ?1", LATER));
    }

    @AfterEach
    void letHangingReadsGo() {
        telegram.release();
        await().atMost(Duration.ofSeconds(30)).until(() -> cycle.reading() == 0);
    }

    private long watch(long operation, String channel) {
        telegram.post(channel, 1, 5);
        return Api.as("officer1")
                .body(Map.of("kind", "TELEGRAM_CHANNEL", "value", "@" + channel))
                .post("/api/operations/{id}/watch-targets", operation)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    private static void due(long targetId, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> WatchTarget.update("nextReadAt = ?1 where id = ?2", at, targetId));
    }

    private static WatchTarget target(long targetId) {
        return QuarkusTransaction.requiringNew().call(() -> WatchTarget.<WatchTarget>findById(targetId));
    }

    @Test
    void onlyDueChannelsOfApprovedOrActiveOperationsAreReadAndEachReadMovesTheNextOn() {
        long approved = Fixtures.operationIn("APPROVED").operation();
        long draft = Fixtures.createOperation("officer1");
        long dueNow = watch(approved, "due" + Fixtures.unique());
        long notYet = watch(approved, "notyet" + Fixtures.unique());
        long ofDraft = watch(draft, "draft" + Fixtures.unique());
        nothingElseIsDue();
        Instant before = Instant.now();
        due(dueNow, before.minusSeconds(1));
        due(notYet, before.plusSeconds(3600));
        due(ofDraft, before.minusSeconds(1));
        double lag = Prometheus.value("takedown_watch_lag_seconds");
        assertTrue(
                lag >= 1 && lag < 60,
                "the due channel has waited a second or so (the draft's target does not count): " + lag);
        double cycles = Prometheus.value("takedown_watch_cycle_seconds_count");

        assertEquals(1, cycle.cycle());
        assertEquals(
                0.0, Prometheus.value("takedown_watch_lag_seconds"), "nothing is waiting once the cycle claimed it");
        await().atMost(Duration.ofSeconds(20)).until(() -> target(dueNow).lastReadStatus == WatchTarget.ReadStatus.OK);
        assertNull(target(notYet).lastReadAt, "not due yet");
        assertNull(target(ofDraft).lastReadAt, "a draft operation is not watched");
        Duration next = Duration.between(before.minusSeconds(1), target(dueNow).nextReadAt);
        assertTrue(
                next.compareTo(Duration.ofMinutes(9)) >= 0 && next.compareTo(Duration.ofMinutes(11)) <= 0,
                "ten minutes on, give or take the 10 % jitter: " + next);
        await().atMost(Duration.ofSeconds(10)).until(() -> cycle.reading() == 0);
        assertEquals(0, cycle.cycle(), "read once, not again until due");
        assertEquals(2.0, Prometheus.value("takedown_watch_cycle_seconds_count") - cycles, "both cycles timed");
    }

    @Test
    void aHangingChannelHoldsOneSlotWhileTheOthersAreRead() {
        assertEquals(0, cycle.reading());
        long op = Fixtures.operationIn("ACTIVE").operation();
        String slowName = "slow" + Fixtures.unique();
        long slow = watch(op, slowName);
        telegram.fault(slowName, FakeChannelPreview.Fault.HANG);
        List<Long> fast = IntStream.range(0, 4)
                .mapToObj(i -> watch(op, "fast" + i + Fixtures.unique()))
                .toList();
        nothingElseIsDue();
        Instant now = Instant.now();
        due(slow, now.minusSeconds(3600));
        fast.forEach(id -> due(id, now.minusSeconds(60)));

        telegram.resetPeak();
        assertEquals(5, cycle.cycle(), "the cycle goes on claiming as slots free up until nothing is due");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> fast.stream().allMatch(id -> target(id).lastReadStatus == WatchTarget.ReadStatus.OK));
        assertEquals(
                2,
                telegram.peakConcurrent(),
                "the fast ones were read beside the hanging one, never more than two at once");
        assertEquals(
                1, telegram.hanging(), "the slow channel is still hanging, and the four others were read meanwhile");
        assertNull(target(slow).lastReadAt);

        telegram.release();
        await().atMost(Duration.ofSeconds(20)).until(() -> target(slow).lastReadStatus == WatchTarget.ReadStatus.OK);
        telegram.fault(slowName, FakeChannelPreview.Fault.NONE);
    }

    @Test
    void aTargetMayHaveItsOwnIntervalWithinLimits() {
        long op = Fixtures.createOperation("officer1");
        Api.as("officer1")
                .body(Map.of("kind", "TELEGRAM_CHANNEL", "value", "@quick" + Fixtures.unique(), "readEverySeconds", 30))
                .post("/api/operations/{id}/watch-targets", op)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("readEverySeconds"));
        Instant before = Instant.now();
        long id = Api.as("officer1")
                .body(Map.of(
                        "kind", "TELEGRAM_CHANNEL", "value", "@hourly" + Fixtures.unique(), "readEverySeconds", 3600))
                .post("/api/operations/{id}/watch-targets", op)
                .then()
                .statusCode(201)
                .body("readEverySeconds", equalTo(3600))
                .extract()
                .jsonPath()
                .getLong("id");
        Instant first = target(id).nextReadAt;
        assertTrue(
                !first.isBefore(before) && first.isBefore(before.plusSeconds(3601)),
                "first read within its own interval: " + first);
    }
}
