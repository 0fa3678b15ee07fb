package org.takedown.cluster;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.takedown.seizure.BannerFixtures;
import org.takedown.support.Api;
import org.takedown.support.FakeBotApi;
import org.takedown.support.Fixtures;
import org.takedown.support.Prometheus;
import org.takedown.support.ReplicaCluster;
import org.takedown.support.ServiceProcess;
import org.takedown.support.TelegramOperation;
import org.takedown.victim.sms.SmsCampaignTest;
import org.takedown.victim.sms.smpp.FakeSmsc;

/**
 * Two replicas of the packaged service (run by failsafe after {@code package}) on one real PostgreSQL, as the Helm
 * chart runs them: production profile, clustered Quartz, each replica with its own ports.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class TwoReplicasIT {

    private static ReplicaCluster cluster;
    private static FakeBotApi telegram;
    private static ServiceProcess a;
    private static ServiceProcess b;

    @BeforeAll
    static void twoReplicas() {
        cluster = ReplicaCluster.start();
        telegram = cluster.telegram();
        // One after the other: the first runs the migrations, the second finds them applied.
        a = cluster.replica("replica-a");
        b = cluster.replica("replica-b");
        RestAssured.port = a.httpPort();
    }

    @AfterAll
    static void stop() throws IOException {
        RestAssured.reset();
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void aBannerChangeMadeThroughOneReplicaIsServedByTheOtherWithinTwoSeconds() {
        String host = BannerFixtures.host();
        long operation = BannerFixtures.liveOperation(host);
        withinTwoSeconds(() -> onB(host).statusCode() == 200);
        onB(host).then().body(containsString("Seized")).body(containsString(host));

        Fixtures.move(operation, "officer2", "pause");
        withinTwoSeconds(() -> onB(host).statusCode() == 404);

        Fixtures.move(operation, "officer2", "resume");
        withinTwoSeconds(() -> onB(host).statusCode() == 200);
        given().port(b.httpPort())
                .auth()
                .preemptive()
                .basic("viewer1", Api.PASSWORD)
                .get("/api/audit/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true));
    }

    /**
     * Both replicas' dispatchers claim rows of one run; the database-shared pacing keeps their combined rate within
     * Telegram's global limit, so the fake Bot API (which answers 429 past it, like Telegram) never refuses one.
     */
    @Test
    @Order(2)
    void aRunToThreeHundredChatsIsSharedByBothReplicasWithinTheGlobalRate() throws Exception {
        int refusedBefore = telegram.tooManyRequests();
        TelegramOperation operation = TelegramOperation.active(
                telegram, 300, TelegramOperation.notice("Using spoofing services for criminal purposes is illegal."));
        telegram.clearDelivered();
        long run = operation.sendNow();
        List<Map<String, Object>> rows = operation.awaitSettled(run, Duration.ofMinutes(3));
        assertEquals(300, rows.size());
        assertTrue(rows.stream().allMatch(r -> r.get("status").equals("SENT")), "every row SENT");
        assertEquals(300, telegram.delivered().size(), "each chat exactly once");
        assertEquals(0, telegram.tooManyRequests() - refusedBefore, "429s from the fake Bot API");

        Map<String, Long> byReplica = cluster.rowsByReplica(run);
        assertEquals(2, byReplica.size(), "sent by both replicas: " + byReplica);

        List<Instant> sent = telegram.delivered().stream()
                .map(FakeBotApi.Delivered::at)
                .sorted()
                .toList();
        int busiestSecond = 0;
        for (int first = 0, last = 0; last < sent.size(); last++) {
            while (Duration.between(sent.get(first), sent.get(last)).toMillis() >= 1000) {
                first++;
            }
            busiestSecond = Math.max(busiestSecond, last - first + 1);
        }
        assertTrue(busiestSecond <= 30, "at most 30 messages in any second across both replicas, saw " + busiestSecond);
    }

    /**
     * Both replicas text the victims of one campaign through one SMPP account (a bind each): the database-shared pacing
     * keeps their combined rate within what the SMSC allows, so it never answers ESME_RTHROTTLED, and each victim is
     * texted exactly once.
     */
    @Test
    @Order(3)
    void aCampaignToThreeHundredVictimsIsSharedByBothReplicasWithinTheSmscsRate() throws Exception {
        FakeSmsc smsc = cluster.smsc();
        StringBuilder csv = new StringBuilder("phone,name,bank\r\n");
        for (int i = 0; i < 300; i++) {
            csv.append(String.format("07400 %06d,Victim %d,Bank\r\n", 100_000 + i, i));
        }
        long[] ids = SmsCampaignTest.activeCampaign(csv.toString(), -60, null, null);
        Api.as("officer1").post(SmsCampaignTest.run(ids[0], ids[1])).then().statusCode(201);
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> smsc.submitted.stream()
                                .filter(m -> m.destination().startsWith("4474001"))
                                .count()
                        >= 300);
        long runId = Api.as("viewer1")
                .get(SmsCampaignTest.run(ids[0], ids[1]))
                .then()
                .extract()
                .jsonPath()
                .getLong("id");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Integer.valueOf(300)
                        .equals(Api.as("viewer1")
                                .get(SmsCampaignTest.run(ids[0], ids[1]))
                                .path("rows.SENT")));
        List<FakeSmsc.Submitted> submitted = smsc.submitted.stream()
                .filter(m -> m.destination().startsWith("4474001"))
                .toList();
        assertEquals(
                300,
                submitted.stream()
                        .map(FakeSmsc.Submitted::destination)
                        .distinct()
                        .count());
        assertEquals(300, submitted.size(), "each victim exactly once");
        assertEquals(0, smsc.throttled.get(), "throttled answers from the SMSC");
        assertEquals(2, smsc.binds.get(), "one bind per replica");
        Map<String, Long> byReplica = cluster.rowsByReplica("sms", runId);
        assertEquals(2, byReplica.size(), "sent by both replicas: " + byReplica);
    }

    /**
     * SIGTERM to one replica in the middle of a 300-chat run: it exits within its shutdown time, its in-flight sends
     * finished and its unsent claims went back (no row stays CLAIMED by it), and the other replica completes the run
     * with every chat reached exactly once.
     */
    @Test
    @Order(4)
    void sigtermMidRunLeavesNoRowClaimedAndNothingLostOrDoubled() throws Exception {
        TelegramOperation operation = TelegramOperation.active(
                telegram, 300, TelegramOperation.notice("Don't be surprised when more visits follow."));
        telegram.clearDelivered();
        long run = operation.sendNow();
        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> telegram.delivered().size() >= 60 && cluster.rowsOf(b.pid(), run, "SENT") > 0);
        assertTrue(b.terminate(Duration.ofSeconds(30)), "replica B stops within 30 s of SIGTERM");
        assertEquals(0, cluster.rowsOf(b.pid(), run, "CLAIMED"), "rows still CLAIMED by the stopped replica");

        List<Map<String, Object>> rows = operation.awaitSettled(run, Duration.ofMinutes(3));
        assertEquals(300, rows.size());
        assertTrue(
                rows.stream().allMatch(r -> r.get("status").equals("SENT")),
                "every row SENT: "
                        + rows.stream()
                                .filter(r -> !r.get("status").equals("SENT"))
                                .toList());
        assertEquals(300, telegram.delivered().size(), "each chat exactly once");
        assertEquals(
                300,
                telegram.delivered().stream()
                        .map(FakeBotApi.Delivered::chat)
                        .distinct()
                        .count());
    }

    /**
     * {@code kill -9} of a replica in the middle of a 300-chat run: within 30 s nothing is left claimed by it (rows it
     * had not sent go back, rows whose request may have left become UNKNOWN for an officer), the other replica
     * completes the run, no chat is missed, and a chat reached twice is only ever one of those UNKNOWN rows.
     */
    @Test
    @Order(5)
    void killMinusNineMidRunLosesNothingAndDoublesOnlyRowsInFlight() throws Exception {
        ServiceProcess c = cluster.replica("replica-c");
        try {
            TelegramOperation operation =
                    TelegramOperation.active(telegram, 300, TelegramOperation.notice("More visits will follow."));
            telegram.clearDelivered();
            long run = operation.sendNow();
            await().atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> telegram.delivered().size() >= 60 && cluster.rowsOf(c.pid(), run, "SENT") > 0);
            c.kill();
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> cluster.rowsOf(c.pid(), run, "CLAIMED") == 0);

            List<Map<String, Object>> rows = operation.awaitSettled(run, Duration.ofMinutes(3));
            assertEquals(300, rows.size());
            assertTrue(
                    rows.stream().allMatch(r -> Set.of("SENT", "UNKNOWN").contains(r.get("status"))), "rows " + rows);
            TelegramOperation.Reach reach = operation.reach(rows, telegram.delivered());
            assertEquals(Set.of(), reach.missed(), "chats missed");
            assertEquals(Set.of(), reach.silentlyDoubled(), "chats reached twice whose row is not UNKNOWN");
        } finally {
            c.close();
        }
    }

    /**
     * 120 one-shot notice triggers due within 20 seconds, with both replicas' clustered schedulers competing for them:
     * each fires exactly once. A run is unique per notice and due time, so a double firing would not show in the runs;
     * it shows in the firings each replica counts ({@code takedown_quartz_fired_total}), whose sum must be 120.
     */
    @Test
    @Order(6)
    void everyTriggerOfABusyScheduleFiresExactlyOnceAcrossTheReplicas() throws Exception {
        b = cluster.replica("replica-b2"); // B was stopped by the SIGTERM test; a new replica joins the cluster
        List<ServiceProcess> both = List.of(a, b);
        Map<ServiceProcess, Double> firedBefore = new HashMap<>();
        both.forEach(replica -> firedBefore.put(replica, noticeFirings(replica)));

        int notices = 120;
        LocalDateTime first =
                LocalDateTime.now(ZoneId.of(Fixtures.ZONE)).plusSeconds(40).withNano(0);
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < notices; i++) {
            Map<String, Object> notice = new HashMap<>(TelegramOperation.notice("Scheduled warning " + i));
            notice.put(
                    "schedule",
                    Map.of("at", first.plusNanos(i * 166_000_000L).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)));
            bodies.add(notice);
        }
        TelegramOperation operation = TelegramOperation.active(telegram, 1, bodies);
        assertTrue(LocalDateTime.now(ZoneId.of(Fixtures.ZONE)).isBefore(first), "armed before the first is due");

        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> runsOf(operation.id()).size() == notices);
        // Let a duplicate firing, if there were one, happen and be counted.
        await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6)).until(() -> true);
        Fixtures.move(operation.id(), "officer2", "end");

        List<Map<String, Object>> runs = runsOf(operation.id());
        assertEquals(notices, runs.size());
        assertEquals(
                new HashSet<>(operation.notices()),
                runs.stream().map(r -> ((Number) r.get("noticeId")).longValue()).collect(Collectors.toSet()),
                "one run per notice");
        Map<ServiceProcess, Double> fired = new HashMap<>();
        both.forEach(replica -> fired.put(replica, noticeFirings(replica) - firedBefore.get(replica)));
        assertEquals(
                notices,
                fired.values().stream().mapToDouble(Double::doubleValue).sum(),
                0.0,
                "firings across both replicas (A, B): " + fired.get(a) + ", " + fired.get(b));
        assertTrue(
                fired.get(a) > 0 && fired.get(b) > 0,
                "both schedulers fired triggers: " + fired.get(a) + ", " + fired.get(b));
    }

    /**
     * PostgreSQL restarted ({@code pg_ctl restart -m immediate}, a crash and recovery) in the middle of a run: both
     * replicas report not ready while it is down, become ready again by themselves (same processes), the run completes
     * with no chat missed (a chat reached twice only among UNKNOWN rows, whose answer was lost with the connection),
     * and a notice scheduled during the outage still fires.
     */
    @Test
    @Order(7)
    void aPostgresRestartMidRunTurnsReadinessOffAndTheReplicasRecoverWithNothingLost() throws Exception {
        LocalDateTime later =
                LocalDateTime.now(ZoneId.of(Fixtures.ZONE)).plusSeconds(45).withNano(0);
        Map<String, Object> scheduled =
                new HashMap<>(TelegramOperation.notice("Scheduled across the database restart."));
        scheduled.put("schedule", Map.of("at", later.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)));
        TelegramOperation operation = TelegramOperation.active(
                telegram,
                150,
                List.of(
                        TelegramOperation.notice("Using spoofing services for criminal purposes is illegal."),
                        scheduled));
        telegram.clearDelivered();
        long run = operation.sendNow();
        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> telegram.delivered().size() >= 30);

        List<ServiceProcess> both = List.of(a, b);
        Map<ServiceProcess, Boolean> sawNotReady = new ConcurrentHashMap<>();
        AtomicBoolean watching = new AtomicBoolean(true);
        List<Thread> probes = new ArrayList<>();
        for (ServiceProcess replica : both) {
            Thread probe = new Thread(
                    () -> {
                        while (watching.get()) {
                            if (!replica.isReady()) {
                                sawNotReady.put(replica, true);
                            }
                            LockSupport.parkNanos(Duration.ofMillis(50).toNanos()); // a probe every 50 ms or so
                        }
                    },
                    "readiness-probe");
            probe.setDaemon(true);
            probe.start();
            probes.add(probe);
        }
        cluster.pgCtl("restart", "-m", "immediate", "-w", "-t", "60");
        try {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> sawNotReady.size() == 2 && a.isReady() && b.isReady());
        } finally {
            watching.set(false);
            for (Thread probe : probes) {
                probe.join();
            }
        }
        assertTrue(a.isAlive() && b.isAlive(), "the replicas recovered by themselves, without a restart");

        List<Map<String, Object>> rows = operation.awaitSettled(run, Duration.ofMinutes(3));
        assertEquals(150, rows.size());
        assertTrue(rows.stream().allMatch(r -> Set.of("SENT", "UNKNOWN").contains(r.get("status"))), "rows " + rows);
        TelegramOperation.Reach reach = operation.reach(
                rows,
                telegram.delivered().stream()
                        .filter(d -> d.text().contains("criminal purposes"))
                        .toList());
        assertEquals(Set.of(), reach.missed(), "chats missed");
        assertEquals(Set.of(), reach.silentlyDoubled(), "chats reached twice whose row is not UNKNOWN");
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> runsOf(operation.id()).stream()
                        .anyMatch(r -> ((Number) r.get("noticeId")).longValue()
                                == operation.notices().get(1)));
        Fixtures.move(operation.id(), "officer2", "end");
    }

    private static List<Map<String, Object>> runsOf(long operation) {
        return given().auth()
                .preemptive()
                .basic("viewer1", Api.PASSWORD)
                .queryParam("size", 200)
                .get("/api/operations/{id}/runs", operation)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
    }

    private static double noticeFirings(ServiceProcess replica) {
        return Prometheus.value(
                replica.managementPort(), "takedown_quartz_fired_total{schedule=\"notices-of-operation\"}");
    }

    /**
     * No replica's log carries the bot token, the database or SMPP password, or a victim's number, though all used them
     * all along (this runs after the other tests: startup, banners, approvals, Telegram polling, texting, a database
     * crash).
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void logsCarryNoSecrets() throws IOException {
        assertTrue(telegram.getUpdatesCalls() > 0, "the replicas used the bot token");
        String tokenSecret = FakeBotApi.TOKEN.substring(FakeBotApi.TOKEN.indexOf(':') + 1);
        for (ServiceProcess replica : cluster.started()) {
            List<String> lines = replica.logLines();
            assertTrue(
                    lines.stream().anyMatch(l -> l.contains("Installed features")),
                    "the replica logged its start: " + lines);
            for (String line : lines) {
                assertFalse(line.contains(tokenSecret), "bot token in the log: " + line);
                assertFalse(line.contains(cluster.databasePassword), "database password in the log: " + line);
                assertFalse(line.contains(cluster.smppPassword), "SMPP password in the log: " + line);
                assertFalse(line.contains("7400100"), "a victim's number in the log: " + line);
            }
        }
    }

    /**
     * In production the log is JSON, one object per line, and what an officer's request caused is logged with the
     * request id, the officer and the operation (A's audit lines of the banner test: officer2 paused the operation).
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void productionLogsAreJsonLinesWithTheRequestContext() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> entries = new ArrayList<>();
        for (String line : a.logLines()) {
            if (line.startsWith("{")) {
                entries.add(json.readTree(line));
            } else {
                // The JVM itself may print a warning before logging starts; nothing from the service is plain text.
                assertFalse(
                        line.contains("org.takedown") || line.contains("INFO") || line.contains("ERROR"),
                        "not JSON: " + line);
            }
        }
        assertTrue(entries.size() > 10, "JSON lines: " + entries.size());
        assertTrue(
                entries.stream()
                        .allMatch(e -> e.hasNonNull("timestamp") && e.hasNonNull("level") && e.hasNonNull("message")),
                "every line has timestamp, level and message");
        JsonNode paused = entries.stream()
                .filter(e -> e.path("message").asText().contains("action=OPERATION_PAUSED"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no audit line of the pause on A"));
        JsonNode mdc = paused.path("mdc");
        assertEquals("officer2", mdc.path("actor").asText(), paused.toString());
        assertTrue(mdc.path("operationId").asText().matches("[0-9]+"), paused.toString());
        assertTrue(mdc.path("requestId").asText().length() >= 8, paused.toString());
    }

    private static Response onB(String host) {
        return given().port(b.httpPort()).header("Host", host).get("/");
    }

    private static void withinTwoSeconds(java.util.concurrent.Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(2))
                .pollInterval(Duration.ofMillis(50))
                .until(condition);
    }
}
