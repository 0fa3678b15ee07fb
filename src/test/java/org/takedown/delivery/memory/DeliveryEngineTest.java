package org.takedown.delivery.memory;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.takedown.delivery.Claimed;
import org.takedown.delivery.Delivery;
import org.takedown.delivery.DeliveryHold;
import org.takedown.delivery.DeliveryHolds;
import org.takedown.delivery.DeliveryReceipt;
import org.takedown.delivery.DeliveryResolution;
import org.takedown.delivery.DeliveryRows;
import org.takedown.delivery.DeliveryStatus;
import org.takedown.delivery.Outcome;
import org.takedown.delivery.Receipts;
import org.takedown.support.Fixtures;

/**
 * The delivery engine with a second channel, {@link MemoryChannel}, that knows nothing of Telegram: its rows go through
 * the same claims, pacing, outcome classes, holds, lease sweep, receipts and officer resolution as Telegram's.
 */
@QuarkusTest
@TestProfile(DeliveryEngineTest.WithMemoryChannel.class)
public class DeliveryEngineTest {

    public static class WithMemoryChannel implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("memory-channel.enabled", "true");
        }
    }

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final AtomicLong RUNS = new AtomicLong(5_000_000);

    @Inject
    MemoryChannel channel;

    @Inject
    DeliveryRows rows;

    @Inject
    DeliveryHolds holds;

    @Inject
    Receipts receipts;

    @Inject
    DeliveryResolution resolution;

    long operation;

    @BeforeEach
    void activeOperation() {
        channel.reset();
        operation = Fixtures.operationIn("ACTIVE").operation();
    }

    @Test
    void everyOutcomeClassDoesWhatTheEngineSays() {
        String tag = "o" + RUNS.incrementAndGet() + "-";
        channel.script(tag + "limited", row -> new Outcome.RateLimited(1, false));
        channel.script(tag + "gone", row -> new Outcome.RecipientGone("unknown subscriber"));
        channel.script(tag + "refused", row -> new Outcome.ContentRefused("content not allowed"));
        channel.script(tag + "moving", row -> new Outcome.Moved(tag + "moved"));
        Outcome.Failed flaky = new Outcome.Failed("503 busy", true);
        channel.script(tag + "flaky", row -> flaky, row -> flaky, row -> flaky);
        channel.script(tag + "refusing", row -> new Outcome.Failed("400 invalid number", false));
        channel.script(tag + "silent", row -> new Outcome.Unknown("read timed out"));
        channel.script(tag + "crashing", row -> {
            throw new IllegalStateException("the worker died mid-call");
        });
        channel.failPreparing(tag + "unprepared");

        long run = RUNS.incrementAndGet();
        long later = RUNS.incrementAndGet();
        long sent = queue(run, tag + "r-sent", tag + "sent", "c-ok", null).get(0);
        long limited =
                queue(run, tag + "r-limited", tag + "limited", "c-ok", null).get(0);
        long gone = queue(run, tag + "r-gone", tag + "gone", "c-ok", null).get(0);
        long refused = queue(run, tag + "r-refused", tag + "refused", tag + "c-bad", null)
                .get(0);
        QuarkusTransaction.requiringNew().run(() -> holds.holdRun(MemoryChannel.NAME, later, "not yet"));
        long refusedLater = queue(later, tag + "r-other", tag + "other", tag + "c-bad", null)
                .get(0);
        long moving = queue(run, tag + "r-moving", tag + "moving", "c-ok", null).get(0);
        long flakyRow = queue(run, tag + "r-flaky", tag + "flaky", "c-ok", null).get(0);
        long refusing =
                queue(run, tag + "r-refusing", tag + "refusing", "c-ok", null).get(0);
        long silent = queue(run, tag + "r-silent", tag + "silent", "c-ok", null).get(0);
        long crashing =
                queue(run, tag + "r-crashing", tag + "crashing", "c-ok", null).get(0);
        long unprepared = queue(run, tag + "r-unprepared", tag + "unprepared", "c-ok", null)
                .get(0);
        long closed = queue(
                        run,
                        tag + "r-closed",
                        tag + "closed",
                        "c-ok",
                        Instant.now().minusSeconds(1))
                .get(0);

        await().atMost(PATIENCE)
                .until(() -> settled(
                        sent,
                        limited,
                        gone,
                        refused,
                        moving,
                        flakyRow,
                        refusing,
                        silent,
                        crashing,
                        unprepared,
                        closed));

        Delivery row = row(sent);
        assertEquals(DeliveryStatus.SENT, row.status);
        assertTrue(row.providerId.startsWith("mem-" + sent + "-"), row.providerId);
        assertNotNull(row.sentAt);

        row = row(limited);
        assertEquals(DeliveryStatus.SENT, row.status, "a rate limit is waited out, then sent");
        assertEquals(0, row.attempts, "a rate limit is not an attempt");
        List<MemoryChannel.Call> limitedCalls = channel.callsTo(tag + "limited");
        assertEquals(2, limitedCalls.size());
        assertFalse(
                limitedCalls.get(1).at().isBefore(limitedCalls.get(0).at().plusSeconds(1)),
                "waited the provider's second");

        assertEquals(DeliveryStatus.FAILED_PERMANENT, row(gone).status);
        assertTrue(holds.recipientHeld(MemoryChannel.NAME, tag + "r-gone"));
        // The held recipient's next row waits; a row queued after it, to someone else, goes (claims take rows in
        // order).
        long third = RUNS.incrementAndGet();
        long goneLater =
                queue(third, tag + "r-gone", tag + "gone", "c-ok", null).get(0);
        long control =
                queue(third, tag + "r-control", tag + "control", "c-ok", null).get(0);
        await().atMost(PATIENCE).until(() -> row(control).status == DeliveryStatus.SENT);
        assertEquals(DeliveryStatus.PENDING, row(goneLater).status, "the recipient is held: its other rows wait");
        assertTrue(channel.effects().contains(new MemoryChannel.Effect("gone", gone, "unknown subscriber")));

        assertEquals(DeliveryStatus.FAILED_PERMANENT, row(refused).status);
        assertEquals(
                DeliveryStatus.SKIPPED, row(refusedLater).status, "the refused content is not sent to anyone else");
        assertTrue(channel.effects()
                .contains(new MemoryChannel.Effect("refused", refused, "content not allowed; skipped 1")));

        row = row(moving);
        assertEquals(DeliveryStatus.SENT, row.status);
        assertEquals(tag + "moved", row.address);
        assertTrue(row.moved);
        assertEquals(1, channel.callsTo(tag + "moved").size(), "sent to the new address once");
        assertTrue(channel.effects()
                .contains(new MemoryChannel.Effect("moved", moving, tag + "moving -> " + tag + "moved")));

        row = row(flakyRow);
        assertEquals(DeliveryStatus.FAILED_RETRYABLE, row.status);
        assertEquals(3, row.attempts);
        assertEquals(3, channel.callsTo(tag + "flaky").size());
        assertEquals(DeliveryStatus.FAILED_PERMANENT, row(refusing).status);
        assertEquals(1, channel.callsTo(tag + "refusing").size(), "a permanent failure is not tried again");

        assertEquals(DeliveryStatus.UNKNOWN, row(silent).status);
        row = row(crashing);
        assertEquals(DeliveryStatus.UNKNOWN, row.status, "the lease ran out after the request left");
        assertTrue(row.detail.contains("expired mid-send"), row.detail);
        assertEquals(1, channel.callsTo(tag + "crashing").size());

        row = row(unprepared);
        assertEquals(DeliveryStatus.SENT, row.status, "nothing left while preparing: tried again, not in doubt");
        assertEquals(1, row.attempts, "the failed preparation counts as an attempt");
        assertEquals(1, channel.callsTo(tag + "unprepared").size());

        row = row(closed);
        assertEquals(DeliveryStatus.SKIPPED, row.status);
        assertEquals(0, channel.callsTo(tag + "closed").size());

        // An officer who checked resends the silent one: it goes once more. Lifting the holds lets the held row go.
        resolution.resend("officer1", operation, silent, "not in the log of the provider");
        QuarkusTransaction.requiringNew().run(() -> holds.releaseRecipient(MemoryChannel.NAME, tag + "r-gone"));
        await().atMost(PATIENCE)
                .until(() -> row(silent).status == DeliveryStatus.SENT && row(goneLater).status == DeliveryStatus.SENT);
        assertEquals(2, channel.callsTo(tag + "silent").size());
        assertEquals(2, channel.callsTo(tag + "gone").size());
    }

    @Test
    void aPartThatWillNotGoSkipsTheRestAndOneInDoubtHoldsThem() {
        String tag = "q" + RUNS.incrementAndGet() + "-";
        long run = RUNS.incrementAndGet();
        channel.script(tag + "failing", row -> new Outcome.Failed("400 invalid", false));
        channel.script(tag + "doubtful", row -> new Outcome.Unknown("read timed out"));
        channel.script(tag + "dry", row -> new Outcome.DryRun());
        List<Long> failing = queue(run, tag + "r1", tag + "failing", "c-ok", null, "a", "b", "c");
        List<Long> doubtful = queue(run, tag + "r2", tag + "doubtful", "c-ok", null, "a", "b");
        List<Long> dry = queue(run, tag + "r3", tag + "dry", "c-ok", null, "a", "b");
        await().atMost(PATIENCE)
                .until(() -> row(failing.get(2)).status == DeliveryStatus.SKIPPED
                        && row(doubtful.get(0)).status == DeliveryStatus.UNKNOWN
                        && row(dry.get(1)).status == DeliveryStatus.SENT);
        assertEquals(DeliveryStatus.FAILED_PERMANENT, row(failing.get(0)).status);
        assertEquals(DeliveryStatus.SKIPPED, row(failing.get(1)).status);
        assertEquals(1, channel.callsTo(tag + "failing").size());
        assertEquals(DeliveryStatus.PENDING, row(doubtful.get(1)).status, "waits for the officer who resolves part 1");
        assertEquals(DeliveryStatus.DRY_RUN, row(dry.get(0)).status, "a part recorded dry lets the next go");

        resolution.markSent("officer1", operation, doubtful.get(0), "seen at the provider", null);
        await().atMost(PATIENCE).until(() -> row(doubtful.get(1)).status == DeliveryStatus.SENT);
    }

    /** Two transactions holding one recipient at once (a refused send, the channel hearing the recipient left) both commit. */
    @Test
    void aRecipientHeldTwiceAtOnceIsHeldOnce() throws Exception {
        String recipient = "h" + RUNS.incrementAndGet();
        CountDownLatch firstHolds = new CountDownLatch(1);
        ExecutorService second = Executors.newSingleThreadExecutor();
        try {
            Future<?> other = second.submit(() -> {
                firstHolds.await();
                QuarkusTransaction.requiringNew().run(() -> holds.holdRecipient(MemoryChannel.NAME, recipient, "left"));
                return null;
            });
            QuarkusTransaction.requiringNew().run(() -> {
                holds.holdRecipient(MemoryChannel.NAME, recipient, "refused");
                firstHolds.countDown();
                try {
                    Thread.sleep(500); // the other transaction tries meanwhile, before this one commits
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            other.get(30, TimeUnit.SECONDS);
        } finally {
            second.shutdownNow();
        }
        assertTrue(holds.recipientHeld(MemoryChannel.NAME, recipient));
        assertEquals(
                1L,
                QuarkusTransaction.requiringNew()
                        .call(() -> DeliveryHold.count(
                                "channel = ?1 and holdKey = ?2", MemoryChannel.NAME, "recipient:" + recipient)));
    }

    @Test
    void partsGoInOrderAndEachRowOnce() {
        String tag = "p" + RUNS.incrementAndGet() + "-";
        long run = RUNS.incrementAndGet();
        List<Long> parts = queue(run, tag + "r", tag + "a", "c-ok", null, "one", "two", "three");
        await().atMost(PATIENCE).until(() -> parts.stream().allMatch(id -> row(id).status == DeliveryStatus.SENT));
        List<MemoryChannel.Call> calls = channel.callsTo(tag + "a");
        assertEquals(
                List.of("one", "two", "three"),
                calls.stream().map(call -> call.row().payload()).toList());
        assertEquals(
                List.of(0, 1, 2), calls.stream().map(call -> call.row().part()).toList());
    }

    /**
     * The schedule the engine hands out keeps the channel's own limits: 20 messages and 40 weight a second, 400 ms
     * between two messages to an address; and no call leaves before its slot. (What a slow machine changes is only how
     * late a call leaves, never how close two slots are.)
     */
    @Test
    void pacingKeepsTheChannelsOwnLimits() {
        String tag = "s" + RUNS.incrementAndGet() + "-";
        long run = RUNS.incrementAndGet();
        long second = RUNS.incrementAndGet();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            int weight = i % 3 == 0 ? 3 : 1;
            ids.addAll(queue(run, tag + "r" + i, tag + "a" + (i % 8), "c-ok", weight, null, "m" + i));
            ids.addAll(queue(second, tag + "r" + i, tag + "a" + (i % 8), "c-ok", weight, null, "n" + i));
        }
        await().atMost(PATIENCE).until(() -> ids.stream().allMatch(id -> row(id).status == DeliveryStatus.SENT));

        List<MemoryChannel.Call> calls = channel.calls().stream()
                .filter(call -> call.row().address().startsWith(tag))
                .sorted(Comparator.comparing(call -> call.row().sendAt()))
                .toList();
        assertEquals(48, calls.size());
        Duration micro = Duration.ofNanos(1000); // the database keeps instants to the microsecond
        for (int i = 1; i < calls.size(); i++) {
            Claimed before = calls.get(i - 1).row();
            Duration gap = Duration.between(before.sendAt(), calls.get(i).row().sendAt());
            // 20 messages a second: 50 ms each; 40 weight a second: 25 ms per unit, so a message of weight 3 takes 75
            // ms.
            Duration span = Duration.ofMillis(Math.max(50, 25L * weightOf(before)));
            assertFalse(
                    gap.plus(micro).compareTo(span) < 0,
                    "slot " + i + " only " + gap + " after one that takes " + span);
        }
        for (int a = 0; a < 8; a++) {
            String address = tag + "a" + a;
            List<Instant> slots = calls.stream()
                    .filter(call -> call.row().address().equals(address))
                    .map(call -> call.row().sendAt())
                    .toList();
            assertEquals(6, slots.size());
            for (int i = 1; i < slots.size(); i++) {
                Duration gap = Duration.between(slots.get(i - 1), slots.get(i));
                assertFalse(
                        gap.plus(micro).compareTo(Duration.ofMillis(400)) < 0,
                        address + ": two messages " + gap + " apart, closer than the address spacing");
            }
        }
        calls.forEach(call -> assertFalse(call.at().isBefore(call.row().sendAt()), "a call left before its slot"));
        assertTrue(
                calls.stream().anyMatch(call -> weightOf(call.row()) == 3),
                "the heavy messages took their weight's time");
    }

    @Test
    void receiptsMoveSentRowsOnAndNoneIsLost() {
        String tag = "d" + RUNS.incrementAndGet() + "-";
        long run = RUNS.incrementAndGet();
        // A receipt faster than the provider's answer: recorded before the row knows its id, applied once it does.
        channel.script(tag + "early", row -> {
            receipts.record(MemoryChannel.NAME, "early-" + row.id(), DeliveryReceipt.Status.DELIVERED, "delivered");
            return new Outcome.Sent("early-" + row.id());
        });
        long delivered = queue(run, tag + "r1", tag + "a1", "c-ok", null).get(0);
        long early = queue(run, tag + "r2", tag + "early", "c-ok", null).get(0);
        long failed = queue(run, tag + "r3", tag + "a3", "c-ok", null).get(0);
        long again = queue(run, tag + "r4", tag + "a4", "c-ok", null).get(0);
        await().atMost(PATIENCE).until(() -> settled(delivered, early, failed, again));

        String providerId = row(delivered).providerId;
        receipts.record(MemoryChannel.NAME, providerId, DeliveryReceipt.Status.PROGRESS, "accepted by the network");
        assertEquals(DeliveryStatus.SENT, row(delivered).status, "a step on the way changes nothing");
        receipts.record(MemoryChannel.NAME, providerId, DeliveryReceipt.Status.DELIVERED, "delivered");
        Delivery row = row(delivered);
        assertEquals(DeliveryStatus.DELIVERED, row.status);
        Instant deliveredAt = row.deliveredAt;
        assertNotNull(deliveredAt);
        receipts.record(MemoryChannel.NAME, providerId, DeliveryReceipt.Status.DELIVERED, "delivered (again)");
        receipts.record(MemoryChannel.NAME, providerId, DeliveryReceipt.Status.FAILED_PERMANENT, "late and wrong");
        row = row(delivered);
        assertEquals(DeliveryStatus.DELIVERED, row.status, "a duplicated or late receipt does not undo a delivery");
        assertEquals(deliveredAt, row.deliveredAt);
        assertEquals(4, receiptsOf(providerId).size());
        assertTrue(receiptsOf(providerId).stream().allMatch(receipt -> receipt.deliveryId == delivered));

        assertEquals(DeliveryStatus.DELIVERED, row(early).status);

        receipts.record(
                MemoryChannel.NAME,
                row(failed).providerId,
                DeliveryReceipt.Status.FAILED_PERMANENT,
                "unknown subscriber");
        assertEquals(DeliveryStatus.FAILED_PERMANENT, row(failed).status);
        assertTrue(
                channel.effects().contains(new MemoryChannel.Effect("failed for good", failed, "unknown subscriber")));

        channel.sendAgainAfterTemporaryFailure(true);
        String firstId = row(again).providerId;
        receipts.record(MemoryChannel.NAME, firstId, DeliveryReceipt.Status.FAILED_TEMPORARY, "phone switched off");
        await().atMost(PATIENCE)
                .until(() -> row(again).status == DeliveryStatus.SENT
                        && !row(again).providerId.equals(firstId));
        assertEquals(2, channel.callsTo(tag + "a4").size(), "sent again once, as the channel asked");

        // A phone that stays off is not texted forever: each temporary failure is an attempt, three in all.
        for (int attempt = 2; attempt <= 3; attempt++) {
            String id = row(again).providerId;
            receipts.record(MemoryChannel.NAME, id, DeliveryReceipt.Status.FAILED_TEMPORARY, "phone switched off");
            await().atMost(PATIENCE)
                    .until(() -> row(again).status == DeliveryStatus.FAILED_RETRYABLE
                            || row(again).status == DeliveryStatus.SENT
                                    && !row(again).providerId.equals(id));
        }
        row = row(again);
        assertEquals(DeliveryStatus.FAILED_RETRYABLE, row.status);
        assertEquals(3, row.attempts);
        assertEquals(3, channel.callsTo(tag + "a4").size());

        // A receipt and the answer it belongs to, each committed unseen by the other: the sweep matches them.
        long raced = queue(run, tag + "r5", tag + "a5", "c-ok", null).get(0);
        await().atMost(PATIENCE).until(() -> row(raced).status == DeliveryStatus.SENT);
        String racedId = row(raced).providerId;
        QuarkusTransaction.requiringNew().run(() -> {
            DeliveryReceipt unseen = new DeliveryReceipt();
            unseen.channel = MemoryChannel.NAME;
            unseen.providerId = racedId;
            unseen.status = DeliveryReceipt.Status.DELIVERED;
            unseen.receivedAt = Instant.now();
            unseen.persist();
        });
        await().atMost(PATIENCE).until(() -> row(raced).status == DeliveryStatus.DELIVERED);
        assertEquals(raced, receiptsOf(racedId).get(0).deliveryId);

        // An officer who saw the message at the provider marks it sent with its id: a receipt already kept applies.
        channel.script(tag + "a6", row2 -> new Outcome.Unknown("read timed out"));
        long doubted = queue(run, tag + "r6", tag + "a6", "c-ok", null).get(0);
        await().atMost(PATIENCE).until(() -> row(doubted).status == DeliveryStatus.UNKNOWN);
        receipts.record(MemoryChannel.NAME, tag + "seen-by-officer", DeliveryReceipt.Status.DELIVERED, "delivered");
        resolution.markSent("officer1", operation, doubted, "in the provider's log", tag + "seen-by-officer");
        assertEquals(DeliveryStatus.DELIVERED, row(doubted).status);

        DeliveryReceipt stray =
                receipts.record(MemoryChannel.NAME, tag + "never-sent", DeliveryReceipt.Status.DELIVERED, "delivered");
        List<DeliveryReceipt> kept = receiptsOf(tag + "never-sent");
        assertEquals(1, kept.size(), "a receipt for no known message is kept");
        assertEquals(stray.id, kept.get(0).id);
        assertNull(kept.get(0).deliveryId);
    }

    private static int weightOf(Claimed row) {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>findById(row.id()).weight);
    }

    private List<Long> queue(
            long run, String recipient, String address, String content, Instant notAfter, String... payloads) {
        return queue(run, recipient, address, content, 1, notAfter, payloads);
    }

    private List<Long> queue(
            long run,
            String recipient,
            String address,
            String content,
            int weight,
            Instant notAfter,
            String... payloads) {
        List<String> parts = payloads.length == 0 ? List.of("hello " + recipient) : List.of(payloads);
        return QuarkusTransaction.requiringNew()
                .call(() -> rows
                        .queue(
                                MemoryChannel.NAME,
                                run,
                                operation,
                                new DeliveryRows.Recipient(recipient, address, content, parts, weight),
                                notAfter)
                        .stream()
                        .map(d -> d.id)
                        .toList());
    }

    private static Delivery row(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>findById(id));
    }

    private static boolean settled(long... ids) {
        for (long id : ids) {
            DeliveryStatus status = row(id).status;
            if (status == DeliveryStatus.PENDING
                    || status == DeliveryStatus.CLAIMED
                    || status == DeliveryStatus.RETRY_AT) {
                return false;
            }
        }
        return true;
    }

    private static List<DeliveryReceipt> receiptsOf(String providerId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> DeliveryReceipt.<DeliveryReceipt>list(
                        "channel = ?1 and providerId = ?2 order by id", MemoryChannel.NAME, providerId));
    }
}
