package org.takedown.notice;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.takedown.delivery.Claimed;
import org.takedown.delivery.Delivery;
import org.takedown.delivery.DeliveryLedger;
import org.takedown.delivery.DeliveryStatus;
import org.takedown.support.Api;
import org.takedown.support.FakeBotApi;
import org.takedown.support.Fixtures;
import org.takedown.support.Prometheus;
import org.takedown.support.TelegramOperation;
import org.takedown.support.TelegramProfile;

/** The dispatcher against the fake Bot API: every row ends in the right state, and Telegram sees what it should. */
@QuarkusTest
@TestProfile(TelegramProfile.class)
public class DeliveryTest {

    static final Duration SETTLE = Duration.ofSeconds(30);
    static final String TEXT = "Using spoofing services for criminal purposes is illegal. <b>{reference}</b>";

    FakeBotApi telegram;

    @Inject
    RunQueue runs;

    @Inject
    DeliveryLedger ledger;

    @BeforeEach
    void clean() {
        telegram.reset();
    }

    private TelegramOperation operation(int targets) {
        return TelegramOperation.active(telegram, targets, TelegramOperation.notice(TEXT));
    }

    private List<FakeBotApi.Delivered> deliveredTo(TelegramOperation op) {
        Set<String> chats = op.chats().stream().map(String::toLowerCase).collect(Collectors.toSet());
        return telegram.delivered().stream()
                .filter(d -> chats.contains(d.chat().toLowerCase()))
                .toList();
    }

    private static List<String> audited(String action, Object entityId) {
        return Api.as("viewer1")
                .queryParam("action", action)
                .queryParam("entityId", entityId.toString())
                .get("/api/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.summary");
    }

    @Test
    void aRunReachesEveryTargetOnceWithTheRenderedPayload() {
        double sentBefore = Prometheus.value("takedown_deliveries_total{channel=\"telegram\",state=\"SENT\"}");
        TelegramOperation op = operation(5);
        long run = op.sendNow();
        List<Map<String, Object>> rows = op.awaitSettled(run, SETTLE);
        assertEquals(5, rows.size());
        List<FakeBotApi.Delivered> delivered = deliveredTo(op);
        assertEquals(5, delivered.size(), "one message per target");
        Map<String, FakeBotApi.Delivered> byChat =
                delivered.stream().collect(Collectors.toMap(d -> d.chat().toLowerCase(), d -> d));
        for (Map<String, Object> row : rows) {
            assertEquals("SENT", row.get("status"), row.toString());
            FakeBotApi.Delivered got = byChat.get(((String) row.get("chat")).toLowerCase());
            assertNotNull(got, "delivered to " + row.get("chat"));
            assertEquals(got.messageId(), ((Number) row.get("messageId")).intValue());
            assertEquals(row.get("payload"), got.text());
            assertTrue(
                    got.text().contains("criminal purposes is illegal")
                            && got.text().contains("Reference: "),
                    got.text());
            assertNotNull(row.get("sentAt"));
        }
        Api.as("viewer1")
                .get("/api/operations/{id}/runs/{run}", op.id(), run)
                .then()
                .statusCode(200)
                .body("status", equalTo("QUEUED"))
                .body("origin", equalTo("MANUAL"))
                .body("createdBy", equalTo("officer1"))
                .body("deliveries.SENT", equalTo(5));
        assertEquals(1, audited("NOTICE_RUN_QUEUED", run).size());
        assertTrue(
                Prometheus.value("takedown_deliveries_total{channel=\"telegram\",state=\"SENT\"}") - sentBefore >= 5,
                "SENT rows counted");
    }

    @Test
    void eachTargetGetsTheTextInItsLanguageElseTheDefault() {
        Map<String, Object> notice = Map.of(
                "title",
                "Warning " + Fixtures.unique(),
                "defaultLanguage",
                "en",
                "texts",
                Map.of("en", "English warning {reference}", "de", "Deutsche Warnung {reference}"));
        TelegramOperation op =
                TelegramOperation.active(telegram, java.util.Arrays.asList("de", "de-at", "fr", null), notice, null);
        List<String> wanted = List.of("de", "de", "en", "en");
        assertEquals(
                "de-AT", op.target(op.targetIds().get(op.chats().get(1))).get("language"), "stored in canonical form");
        long run = op.sendNow();
        op.awaitSettled(run, SETTLE);
        Map<String, FakeBotApi.Delivered> byChat =
                deliveredTo(op).stream().collect(Collectors.toMap(d -> d.chat().toLowerCase(), d -> d));
        for (int i = 0; i < wanted.size(); i++) {
            String chat = op.chats().get(i);
            Map<String, Object> row = op.row(run, chat);
            assertEquals(wanted.get(i), row.get("language"), chat);
            assertEquals("SENT", row.get("status"));
            assertTrue(
                    byChat.get(chat.toLowerCase())
                            .text()
                            .startsWith(wanted.get(i).equals("de") ? "Deutsche Warnung" : "English warning"),
                    byChat.get(chat.toLowerCase()).text());
        }
        Api.as("officer1")
                .body(Map.of("chat", "@another_channel", "language", "not a language"))
                .post("/api/operations/{id}/telegram-targets", op.id())
                .then()
                .statusCode(400);
    }

    @Test
    void aRepeatedOrRecoveredFiringAddsNothing() {
        TelegramOperation op = operation(3);
        Instant due = Instant.parse("2030-01-01T09:00:00Z");
        QuarkusTransaction.requiringNew().run(() -> {
            Notice notice = Notice.findById(op.notice());
            notice.sendAt = due;
        });
        runs.fired(op.notice(), due, due.plusMillis(40), null, due.minusSeconds(60));
        runs.fired(op.notice(), due, due.plusMillis(90), null, due.minusSeconds(60));
        List<Map<String, Object>> all = Api.as("viewer1")
                .queryParam("noticeId", op.notice())
                .get("/api/operations/{id}/runs", op.id())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        assertEquals(1, all.size(), "one run per (notice, due time)");
        long run = ((Number) all.get(0).get("id")).longValue();
        assertEquals(3, op.awaitSettled(run, SETTLE).size(), "one row per target");
        assertEquals(3, deliveredTo(op).size());
    }

    @ParameterizedTest
    @EnumSource(
            value = FakeBotApi.Fault.class,
            names = {"KICKED", "BLOCKED", "NOT_MEMBER", "CHAT_NOT_FOUND", "NOT_ENOUGH_RIGHTS"})
    void aTargetThatRefusesTheBotIsSuspendedUntilPreflightPassesAgain(FakeBotApi.Fault fault) {
        TelegramOperation op = operation(2);
        String refusing = op.chats().get(0);
        long refusingId = op.targetIds().get(refusing);
        telegram.fault(refusing, fault, 1, 0);
        long first = op.sendNow();
        op.awaitSettled(first, SETTLE);
        Map<String, Object> failed = op.row(first, refusing);
        assertEquals("FAILED_PERMANENT", failed.get("status"), failed.toString());
        assertEquals("SENT", op.row(first, op.chats().get(1)).get("status"));
        assertEquals(true, op.target(refusingId).get("suspended"));
        assertEquals(1, audited("TELEGRAM_TARGET_SUSPENDED", refusingId).size());

        // Telegram still refuses the bot there, so the check before the next run keeps the target suspended.
        FakeBotApi.Chat gone = new FakeBotApi.Chat(-1006000000000L - refusingId, "channel", "Gone", "left", false);
        telegram.chat(refusing, gone);
        long second = op.sendNow();
        await().atMost(SETTLE)
                .until(() -> "SENT".equals(op.row(second, op.chats().get(1)).get("status")));
        assertEquals("PENDING", op.row(second, refusing).get("status"), "nothing goes to a suspended target");

        telegram.chat(refusing, new FakeBotApi.Chat(gone.id(), "channel", "Back", "administrator", true));
        Api.as("officer1")
                .post("/api/operations/{id}/telegram-targets/preflight", op.id())
                .then()
                .statusCode(200);
        op.awaitSettled(second, SETTLE);
        assertEquals("SENT", op.row(second, refusing).get("status"), "sent once preflight passed again");
        assertEquals(3, deliveredTo(op).size());
    }

    @Test
    void eachRunChecksItsTargetsFirstAndWithholdsRowsFromThoseThatRefuseTheBot() {
        TelegramOperation op = operation(2);
        String left = op.chats().get(0);
        telegram.chat(
                left,
                new FakeBotApi.Chat(-1007000000000L - op.targetIds().get(left), "channel", "Left", "left", false));
        long run = op.sendNow();
        await().atMost(SETTLE)
                .until(() -> "SENT".equals(op.row(run, op.chats().get(1)).get("status")));
        assertEquals(
                "PENDING", op.row(run, left).get("status"), "never sent to a chat the check found the bot had left");
        Map<String, Object> target = op.target(op.targetIds().get(left));
        assertEquals(true, target.get("suspended"));
        assertEquals("NOT_MEMBER", target.get("preflightStatus"));
        List<String> checks = Api.as("viewer1")
                .queryParam("action", "TELEGRAM_PREFLIGHT")
                .queryParam("entityId", op.id())
                .get("/api/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.actor");
        assertTrue(checks.contains("dispatcher"), "the check before the run is audited: " + checks);
        assertEquals(1, deliveredTo(op).size());
    }

    @Test
    void aMigratedGroupGetsItsNewIdAndTheMessageOnce() {
        TelegramOperation op = operation(1);
        String group = op.chats().get(0);
        long supergroup = -1009876543210987L + (System.nanoTime() % 1000);
        telegram.chat(null, new FakeBotApi.Chat(supergroup, "supergroup", "Upgraded", "member", true));
        telegram.fault(group, FakeBotApi.Fault.MIGRATE, 1, supergroup);
        long run = op.sendNow();
        List<Map<String, Object>> rows = op.awaitSettled(run, SETTLE);
        assertEquals("SENT", rows.get(0).get("status"), rows.toString());
        assertEquals(Long.toString(supergroup), rows.get(0).get("chat"));
        List<FakeBotApi.Delivered> delivered = telegram.delivered().stream()
                .filter(d -> d.chat().equals(Long.toString(supergroup)))
                .toList();
        assertEquals(1, delivered.size(), "resent once, to the supergroup");
        long targetId = op.targetIds().get(group);
        assertEquals(Long.toString(supergroup), op.target(targetId).get("chat"));
        assertEquals(1, audited("TELEGRAM_TARGET_MIGRATED", targetId).size());
    }

    @Test
    void refusedContentBlocksTheNoticeUntilItIsEdited() {
        TelegramOperation op = operation(2);
        telegram.fault(op.chats().get(0), FakeBotApi.Fault.CONTENT_REFUSED, 1, 0);
        long run = op.sendNow();
        List<Map<String, Object>> rows = op.awaitSettled(run, SETTLE);
        assertEquals("FAILED_PERMANENT", op.row(run, op.chats().get(0)).get("status"));
        assertTrue(
                rows.stream()
                        .allMatch(r ->
                                Set.of("FAILED_PERMANENT", "SENT", "SKIPPED").contains(r.get("status"))),
                rows.toString());
        Api.as("viewer1")
                .get("/api/operations/{id}/notices", op.id())
                .then()
                .statusCode(200)
                .body("items[0].blockedReason", org.hamcrest.Matchers.containsString("can't parse entities"));
        assertEquals(1, audited("NOTICE_BLOCKED", op.notice()).size());
        long next = op.sendNow();
        Api.as("viewer1")
                .get("/api/operations/{id}/runs/{run}", op.id(), next)
                .then()
                .statusCode(200)
                .body("status", equalTo("BLOCKED"));
        assertTrue(op.deliveries(next).isEmpty(), "a blocked notice queues nothing");
    }

    @Test
    void serverErrorsBackOffAndSucceed() {
        TelegramOperation op = operation(1);
        telegram.fault(op.chats().get(0), FakeBotApi.Fault.SERVER_ERROR, 2, 0);
        long run = op.sendNow();
        Map<String, Object> row = op.awaitSettled(run, SETTLE).get(0);
        assertEquals("SENT", row.get("status"), row.toString());
        assertEquals(2, row.get("attempts"));
        assertEquals(1, deliveredTo(op).size());
    }

    @Test
    void serverErrorsBeyondTheAttemptsAreFailedRetryableAndAnOfficerMayResend() {
        TelegramOperation op = operation(1);
        telegram.fault(op.chats().get(0), FakeBotApi.Fault.SERVER_ERROR, 3, 0);
        long run = op.sendNow();
        Map<String, Object> row = op.awaitSettled(run, SETTLE).get(0);
        assertEquals("FAILED_RETRYABLE", row.get("status"), row.toString());
        assertEquals(3, row.get("attempts"));
        assertTrue(deliveredTo(op).isEmpty());
        Api.as("officer1")
                .body(Map.of("note", "Telegram had an outage"))
                .post("/api/operations/{id}/deliveries/{d}/resend", op.id(), row.get("id"))
                .then()
                .statusCode(200)
                .body("status", equalTo("PENDING"));
        assertEquals("SENT", op.awaitSettled(run, SETTLE).get(0).get("status"));
        assertEquals(1, deliveredTo(op).size());
        assertEquals(1, audited("DELIVERY_RESENT", row.get("id")).size());
    }

    @ParameterizedTest
    @EnumSource(
            value = FakeBotApi.Fault.class,
            names = {"WITHHOLD", "NON_JSON"})
    void anUnansweredSendIsUnknownAndNeverResentAutomatically(FakeBotApi.Fault fault) {
        TelegramOperation op = operation(1);
        telegram.withholdFor(3_000);
        telegram.fault(op.chats().get(0), fault, 1, 0);
        long run = op.sendNow();
        Map<String, Object> row = op.awaitSettled(run, SETTLE).get(0);
        assertEquals("UNKNOWN", row.get("status"), row.toString());
        int deliveredBefore = deliveredTo(op).size();
        Api.as("viewer1")
                .queryParam("status", "UNKNOWN")
                .queryParam("size", 200)
                .get("/api/deliveries")
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(row.get("id")));
        Api.as("officer1")
                .body(Map.of("note", "not sent"))
                .post("/api/operations/{id}/deliveries/{d}/mark-sent", op.id(), 999_999_999)
                .then()
                .statusCode(404);
        Api.as("officer1")
                .body(Map.of("note", "Seen in the channel", "messageId", 4242))
                .post("/api/operations/{id}/deliveries/{d}/mark-sent", op.id(), row.get("id"))
                .then()
                .statusCode(200)
                .body("status", equalTo("SENT"))
                .body("messageId", equalTo(4242))
                .body("resolvedBy", equalTo("officer1"));
        Api.as("officer1")
                .body(Map.of("note", "again"))
                .post("/api/operations/{id}/deliveries/{d}/mark-sent", op.id(), row.get("id"))
                .then()
                .statusCode(409);
        Api.as("officer1")
                .body(Map.of())
                .post("/api/operations/{id}/deliveries/{d}/resend", op.id(), row.get("id"))
                .then()
                .statusCode(400);
        assertEquals(1, audited("DELIVERY_MARKED_SENT", row.get("id")).size());
        assertEquals(deliveredBefore, deliveredTo(op).size(), "nothing was resent behind the officer's back");
    }

    @Test
    void aClaimWhoseWorkerDiedMidSendBecomesUnknownAndIsNotResent() {
        TelegramOperation op = operation(1);
        long run = op.sendNow();
        op.awaitSettled(run, SETTLE);
        long orphan = orphanedClaim(run, Instant.now().minusSeconds(2));
        await().atMost(SETTLE).until(() -> "UNKNOWN".equals(statusOf(op, run, orphan)));
        assertEquals(1, deliveredTo(op).size(), "the orphaned claim was not sent again");
        assertEquals(1, audited("DELIVERY_UNKNOWN", orphan).size());
    }

    @Test
    void aClaimWhoseWorkerDiedBeforeSendingIsQueuedAgainAndSent() {
        TelegramOperation op = operation(1);
        long run = op.sendNow();
        op.awaitSettled(run, SETTLE);
        long orphan = orphanedClaim(run, null);
        await().atMost(SETTLE).until(() -> "SENT".equals(statusOf(op, run, orphan)));
        List<FakeBotApi.Delivered> delivered = deliveredTo(op);
        assertEquals(2, delivered.size(), "the claim that never reached Telegram was sent after all: " + delivered);
        assertEquals(
                "second part, claimed by a worker that then died",
                delivered.get(1).text());
        assertTrue(audited("DELIVERY_UNKNOWN", orphan).isEmpty(), "nothing for an officer to resolve");
    }

    /**
     * A late worker marks its request as leaving just as its claim lapses and a sweep looks at the row: the sweep waits
     * for the mark and makes the row UNKNOWN. Queued again, it would have been sent twice without anyone knowing.
     */
    @Test
    void aSweepMeetingASendThatIsLeavingMakesItUnknownNotQueuedAgain() throws Exception {
        TelegramOperation op = operation(1);
        long run = op.sendNow();
        op.awaitSettled(run, SETTLE);
        Instant lapses = Instant.now().plusSeconds(2);
        long row = orphanedClaim(run, null, lapses);
        Claimed claim = QuarkusTransaction.requiringNew().call(() -> {
            Delivery d = Delivery.findById(row);
            return new Claimed(
                    row,
                    "dead-worker",
                    d.channel,
                    d.runId,
                    d.recipientKey,
                    d.address,
                    d.contentKey,
                    d.part,
                    "late",
                    Instant.now());
        });
        CountDownLatch marked = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        AtomicBoolean started = new AtomicBoolean();
        Thread worker = new Thread(() -> QuarkusTransaction.requiringNew().run(() -> {
            started.set(ledger.start(claim));
            marked.countDown();
            try {
                commit.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        worker.start();
        assertTrue(marked.await(10, TimeUnit.SECONDS), "the worker marked its request");
        assertTrue(started.get(), "the claim was still the worker's when it marked it");
        await().until(() -> Instant.now().isAfter(lapses.plusMillis(100)));
        Thread sweeper = new Thread(() -> ledger.sweep(TelegramChannel.NAME));
        sweeper.start();
        // The sweep (and the dispatcher's own, every 2 s) now reach the lapsed row while the mark is uncommitted.
        await().pollDelay(Duration.ofMillis(2500)).until(() -> true);
        commit.countDown();
        worker.join(10_000);
        sweeper.join(15_000);
        await().atMost(SETTLE).until(() -> "UNKNOWN".equals(statusOf(op, run, row)));
        await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
        assertEquals("UNKNOWN", statusOf(op, run, row), "left for an officer, not queued again");
        assertEquals(1, deliveredTo(op).size(), "the sweep sent nothing again");
    }

    private static String statusOf(TelegramOperation op, long run, long rowId) {
        return Api.as("viewer1")
                .queryParam("runId", run)
                .get("/api/operations/{id}/deliveries", op.id())
                .jsonPath()
                .getString("items.find { it.id == " + rowId + " }.status");
    }

    /** A second part of the run's row, CLAIMED by a worker that died (its lease has run out) after or before starting. */
    private static long orphanedClaim(long run, Instant startedAt) {
        return orphanedClaim(run, startedAt, Instant.now().minusSeconds(1));
    }

    private static long orphanedClaim(long run, Instant startedAt, Instant claimedUntil) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Delivery sent =
                    Delivery.find("channel = 'telegram' and runId = ?1", run).firstResult();
            Delivery claimed = new Delivery();
            claimed.channel = sent.channel;
            claimed.runId = run;
            claimed.operationId = sent.operationId;
            claimed.recipientKey = sent.recipientKey;
            claimed.contentKey = sent.contentKey;
            claimed.weight = 1;
            claimed.part = 1;
            claimed.parts = 2;
            claimed.address = sent.address;
            claimed.payload = "second part, claimed by a worker that then died";
            claimed.status = DeliveryStatus.CLAIMED;
            claimed.claimToken = "dead-worker";
            claimed.claimedBy = "replica that died";
            claimed.claimedUntil = claimedUntil;
            claimed.startedAt = startedAt;
            claimed.notBefore = Instant.now().minusSeconds(60);
            claimed.updatedAt = claimed.notBefore;
            claimed.persist();
            TelegramDelivery first = TelegramDelivery.findById(sent.id);
            TelegramDelivery extra = new TelegramDelivery();
            extra.deliveryId = claimed.id;
            extra.noticeId = first.noticeId;
            extra.targetId = first.targetId;
            extra.language = first.language;
            extra.persist();
            return claimed.id;
        });
    }

    @Test
    void a429IsHonouredExactlyWithoutSpendingAnAttempt() {
        double refusedBefore = Prometheus.value("takedown_delivery_rate_limited_total{channel=\"telegram\"}");
        double waitsBefore = Prometheus.value("takedown_delivery_pacing_wait_seconds_count{channel=\"telegram\"}");
        TelegramOperation op = operation(1);
        telegram.fault(op.chats().get(0), FakeBotApi.Fault.FLOOD, 1, 2);
        Instant asked = Instant.now();
        long run = op.sendNow();
        Map<String, Object> row = op.awaitSettled(run, SETTLE).get(0);
        assertEquals("SENT", row.get("status"), row.toString());
        assertEquals(0, row.get("attempts"), "a 429 is not a failed attempt");
        FakeBotApi.Delivered delivered = deliveredTo(op).get(0);
        assertTrue(
                !delivered.at().isBefore(asked.plusSeconds(2)),
                "waited the full retry_after: " + asked + " -> " + delivered.at());
        assertEquals(
                1.0,
                Prometheus.value("takedown_delivery_rate_limited_total{channel=\"telegram\"}") - refusedBefore,
                "the 429 is counted");
        assertTrue(
                Prometheus.value("takedown_delivery_pacing_wait_seconds_count{channel=\"telegram\"}") - waitsBefore
                        >= 2,
                "both sends waited for their slot (the second after the 429)");
    }

    @Test
    void aPinnedNoticeIsPinnedAfterSending() {
        Map<String, Object> notice = new HashMap<>(TelegramOperation.notice(TEXT));
        notice.put("pin", true);
        notice.put("silent", true);
        TelegramOperation op = TelegramOperation.active(telegram, 1, notice);
        long run = op.sendNow();
        Map<String, Object> row = op.awaitSettled(run, SETTLE).get(0);
        await().atMost(SETTLE)
                .until(() -> "PINNED".equals(op.row(run, op.chats().get(0)).get("pinStatus")));
        assertEquals(List.of(op.chats().get(0) + "#" + row.get("messageId")), telegram.pinned());
        assertTrue(deliveredTo(op).get(0).silent());
    }

    @Test
    void theKillSwitchStopsClaimingAndReleasingItContinues() {
        TelegramOperation op = operation(3);
        long[] run = new long[1];
        TelegramOperation.withKillSwitchEngaged(() -> {
            run[0] = op.sendNow();
            await().pollDelay(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> true);
            assertTrue(deliveredTo(op).isEmpty(), "nothing sent while the kill switch is engaged");
            assertTrue(op.deliveries(run[0]).stream().allMatch(r -> "PENDING".equals(r.get("status"))));
        });
        op.awaitSettled(run[0], SETTLE);
        assertEquals(3, deliveredTo(op).size());
    }

    @Test
    void editingANoticeSkipsItsQueuedRowsBecauseTheyCarryTheOldText() {
        TelegramOperation op = operation(2);
        TelegramOperation.withKillSwitchEngaged(() -> {
            long run = op.sendNow();
            Api.as("officer1")
                    .body(TelegramOperation.notice("A corrected warning."))
                    .put("/api/operations/{id}/notices/{n}", op.id(), op.notice())
                    .then()
                    .statusCode(200);
            List<Map<String, Object>> rows = op.deliveries(run);
            assertEquals(2, rows.size());
            assertTrue(rows.stream().allMatch(r -> "SKIPPED".equals(r.get("status"))), rows.toString());
        });
        assertTrue(deliveredTo(op).isEmpty(), "the old text was not sent");
    }

    @Test
    void pausingAndResumingTenTimesDeliversEveryTargetExactlyOnce() {
        TelegramOperation op = operation(120);
        long run = op.sendNow();
        for (int i = 0; i < 10; i++) {
            Api.as("officer1")
                    .post("/api/operations/{id}/pause", op.id())
                    .then()
                    .statusCode(200);
            await().pollDelay(Duration.ofMillis(150))
                    .atMost(Duration.ofSeconds(1))
                    .until(() -> true);
            Api.as("officer1")
                    .post("/api/operations/{id}/resume", op.id())
                    .then()
                    .statusCode(200);
            await().pollDelay(Duration.ofMillis(250))
                    .atMost(Duration.ofSeconds(1))
                    .until(() -> true);
        }
        List<Map<String, Object>> rows = op.awaitSettled(run, Duration.ofSeconds(60));
        assertTrue(rows.stream().allMatch(r -> "SENT".equals(r.get("status"))), "every row SENT");
        List<String> chats =
                deliveredTo(op).stream().map(d -> d.chat().toLowerCase()).toList();
        assertEquals(new HashSet<>(chats).size(), chats.size(), "no chat got the notice twice");
        assertEquals(op.chats().stream().map(String::toLowerCase).collect(Collectors.toSet()), new HashSet<>(chats));
    }

    @Test
    void threeHundredChatsGoOutWithinTelegramsLimitsWithoutA429() {
        TelegramOperation op = operation(300);
        long run = op.sendNow();
        List<Map<String, Object>> rows = op.awaitSettled(run, Duration.ofSeconds(90));
        assertTrue(rows.stream().allMatch(r -> "SENT".equals(r.get("status"))));
        assertEquals(0, telegram.tooManyRequests(), "the fake never had to say 429");
        List<Instant> times =
                deliveredTo(op).stream().map(FakeBotApi.Delivered::at).sorted().toList();
        assertEquals(300, times.size());
        for (int i = 30; i < times.size(); i++) {
            assertTrue(
                    Duration.between(times.get(i - 30), times.get(i)).toMillis() >= 1000,
                    "at most 30 messages in any second (messages " + (i - 30) + " and " + i + ")");
        }
        assertFalse(times.isEmpty());
    }
}
