package org.takedown.cluster;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
import org.takedown.support.ServiceProcess;
import org.takedown.support.TelegramOperation;

/**
 * Two replicas of the packaged service (run by failsafe after {@code package}) on one real PostgreSQL, as the Helm
 * chart runs them: production profile, clustered Quartz, each replica with its own ports.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class TwoReplicasIT {

    /** bcrypt (cost 4) of {@link Api#PASSWORD}, the test users' password, as in application.properties (%test). */
    private static final String PASSWORD_HASH = "$2a$04$j/coOW2b2pyrVjJdE/AG2.kUP9DHCrMKL4cPEO6I0A.FJh8uRpnES";

    /** Given to both replicas as the database password (embedded PostgreSQL trusts local connections, so any works). */
    private static final String DB_PASSWORD = "db-pass-" + Long.toHexString(System.nanoTime());

    private static EmbeddedPostgres postgres;
    private static FakeBotApi telegram;
    private static Map<String, String> database;
    private static Map<String, String> config;
    private static ServiceProcess a;
    private static ServiceProcess b;

    @BeforeAll
    static void twoReplicas() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        telegram = FakeBotApi.start();
        database = Map.of("TAKEDOWN_DB_URL", postgres.getJdbcUrl("postgres", "postgres"),
                "TAKEDOWN_DB_USER", "postgres", "TAKEDOWN_DB_PASSWORD", DB_PASSWORD, "TAKEDOWN_BOT_TOKEN", FakeBotApi.TOKEN);
        config = new HashMap<>();
        config.put("takedown.officer-hosts", "localhost,127.0.0.1");
        config.put("takedown.telegram.api.scheme", "http");
        config.put("takedown.telegram.api.host", "127.0.0.1");
        config.put("takedown.telegram.api.port", Integer.toString(telegram.port()));
        for (String[] user : new String[][] {{"officer1", "officer"}, {"officer2", "officer"}, {"approver2", "approver"},
                {"viewer1", "viewer"}}) {
            config.put("takedown.users." + user[0] + ".password-hash", PASSWORD_HASH);
            config.put("takedown.users." + user[0] + ".roles", user[1]);
        }
        List<String> jvm = List.of("-Xmx256m");
        // One after the other: the first runs the migrations, the second finds them applied.
        a = ServiceProcess.start("replica-a", jvm, database, config);
        b = ServiceProcess.start("replica-b", jvm, database, config);
        RestAssured.port = a.httpPort();
    }

    @AfterAll
    static void stop() throws IOException {
        RestAssured.reset();
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        if (telegram != null) {
            telegram.close();
        }
        if (postgres != null) {
            postgres.close();
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
        given().port(b.httpPort()).auth().preemptive().basic("viewer1", Api.PASSWORD).get("/api/audit/verify")
                .then().statusCode(200).body("valid", equalTo(true));
    }

    /**
     * Both replicas' dispatchers claim rows of one run; the database-shared pacing keeps their combined rate within
     * Telegram's global limit, so the fake Bot API (which answers 429 past it, like Telegram) never refuses one.
     */
    @Test
    @Order(2)
    void aRunToThreeHundredChatsIsSharedByBothReplicasWithinTheGlobalRate() throws Exception {
        int refusedBefore = telegram.tooManyRequests();
        TelegramOperation operation = TelegramOperation.active(telegram, 300,
                TelegramOperation.notice("Using spoofing services for criminal purposes is illegal."));
        telegram.clearDelivered();
        long run = operation.sendNow();
        List<Map<String, Object>> rows = operation.awaitSettled(run, Duration.ofMinutes(3));
        assertEquals(300, rows.size());
        assertTrue(rows.stream().allMatch(r -> r.get("status").equals("SENT")), "every row SENT");
        assertEquals(300, telegram.delivered().size(), "each chat exactly once");
        assertEquals(0, telegram.tooManyRequests() - refusedBefore, "429s from the fake Bot API");

        Map<String, Long> byReplica = new HashMap<>();
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                PreparedStatement sql = c.prepareStatement("select claimed_by, count(*) from delivery where run_id = ? group by claimed_by")) {
            sql.setLong(1, run);
            try (ResultSet rs = sql.executeQuery()) {
                while (rs.next()) {
                    byReplica.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        assertEquals(2, byReplica.size(), "sent by both replicas: " + byReplica);

        List<Instant> sent = telegram.delivered().stream().map(FakeBotApi.Delivered::at).sorted().toList();
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
     * SIGTERM to one replica in the middle of a 300-chat run: it exits within its shutdown time, its in-flight sends
     * finished and its unsent claims went back (no row stays CLAIMED by it), and the other replica completes the run
     * with every chat reached exactly once.
     */
    @Test
    @Order(3)
    void sigtermMidRunLeavesNoRowClaimedAndNothingLostOrDoubled() throws Exception {
        TelegramOperation operation = TelegramOperation.active(telegram, 300, TelegramOperation.notice("Don't be surprised when more visits follow."));
        telegram.clearDelivered();
        long run = operation.sendNow();
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> telegram.delivered().size() >= 60 && rowsOf(b.pid(), run, "SENT") > 0);
        assertTrue(b.terminate(Duration.ofSeconds(30)), "replica B stops within 30 s of SIGTERM");
        assertEquals(0, rowsOf(b.pid(), run, "CLAIMED"), "rows still CLAIMED by the stopped replica");

        List<Map<String, Object>> rows = operation.awaitSettled(run, Duration.ofMinutes(3));
        assertEquals(300, rows.size());
        assertTrue(rows.stream().allMatch(r -> r.get("status").equals("SENT")), "every row SENT: " + rows.stream()
                .filter(r -> !r.get("status").equals("SENT")).toList());
        assertEquals(300, telegram.delivered().size(), "each chat exactly once");
        assertEquals(300, telegram.delivered().stream().map(FakeBotApi.Delivered::chat).distinct().count());
    }

    /**
     * {@code kill -9} of a replica in the middle of a 300-chat run: within 30 s nothing is left claimed by it (rows it
     * had not sent go back, rows whose request may have left become UNKNOWN for an officer), the other replica
     * completes the run, no chat is missed, and a chat reached twice is only ever one of those UNKNOWN rows.
     */
    @Test
    @Order(4)
    void killMinusNineMidRunLosesNothingAndDoublesOnlyRowsInFlight() throws Exception {
        ServiceProcess c = ServiceProcess.start("replica-c", List.of("-Xmx256m"), database, config);
        try {
            TelegramOperation operation = TelegramOperation.active(telegram, 300, TelegramOperation.notice("More visits will follow."));
            telegram.clearDelivered();
            long run = operation.sendNow();
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20))
                    .until(() -> telegram.delivered().size() >= 60 && rowsOf(c.pid(), run, "SENT") > 0);
            c.kill();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> rowsOf(c.pid(), run, "CLAIMED") == 0);

            List<Map<String, Object>> rows = operation.awaitSettled(run, Duration.ofMinutes(3));
            assertEquals(300, rows.size());
            Set<String> unknown = new HashSet<>();
            for (Map<String, Object> row : rows) {
                assertTrue(Set.of("SENT", "UNKNOWN").contains(row.get("status")), "row " + row);
                if (row.get("status").equals("UNKNOWN")) {
                    unknown.add(((String) row.get("chat")).toLowerCase(Locale.ROOT));
                }
            }
            Map<String, Long> reached = new HashMap<>();
            telegram.delivered().forEach(d -> reached.merge(d.chat().toLowerCase(Locale.ROOT), 1L, Long::sum));
            for (String chat : operation.chats()) {
                String key = chat.toLowerCase(Locale.ROOT);
                assertTrue(reached.containsKey(key) || unknown.contains(key), "chat missed: " + chat);
                assertTrue(reached.getOrDefault(key, 0L) <= 1 || unknown.contains(key), "chat reached twice, not UNKNOWN: " + chat);
            }
        } finally {
            c.close();
        }
    }

    /** Rows of the run in this state last claimed by the replica with this pid (claims are named pid@host). */
    private static long rowsOf(long pid, long run, String status) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); PreparedStatement sql = c.prepareStatement(
                "select count(*) from delivery where run_id = ? and status = ? and claimed_by like ?")) {
            sql.setLong(1, run);
            sql.setString(2, status);
            sql.setString(3, pid + "@%");
            try (ResultSet rs = sql.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Neither replica's log carries the bot token or the database password, though both used them all along (this
     * runs after the other tests: startup, banners, approvals, Telegram polling).
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void logsCarryNoSecrets() throws IOException {
        assertTrue(telegram.getUpdatesCalls() > 0, "the replicas used the bot token");
        String tokenSecret = FakeBotApi.TOKEN.substring(FakeBotApi.TOKEN.indexOf(':') + 1);
        for (ServiceProcess replica : List.of(a, b)) {
            List<String> lines = replica.logLines();
            assertTrue(lines.size() > 10, "the replica logged " + lines.size() + " lines");
            for (String line : lines) {
                assertFalse(line.contains(tokenSecret), "bot token in the log: " + line);
                assertFalse(line.contains(DB_PASSWORD), "database password in the log: " + line);
            }
        }
    }

    private static Response onB(String host) {
        return given().port(b.httpPort()).header("Host", host).get("/");
    }

    private static void withinTwoSeconds(java.util.concurrent.Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50)).until(condition);
    }
}
