package org.takedown.bench;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.takedown.support.Api;
import org.takedown.support.FakeBotApi;
import org.takedown.support.PersonalDataKeyFile;
import org.takedown.support.TelegramOperation;

/**
 * Run by {@code bench/telegram-crash.sh} after {@code ./mvnw package}: the packaged application on a real PostgreSQL
 * sends a notice to {@code bench.chats} channels on the fake Bot API and is killed with SIGKILL at a random moment of
 * the run, then restarted; five times, one run per kill. After each run an officer resolves the UNKNOWN rows (mark
 * sent if the fake received the message, resend if not). Checked per run: no target missing; no duplicate among the
 * rows SENT before the kill; duplicates, if any, only among rows that were in flight (CLAIMED) at the kill.
 */
public class TelegramCrashBench {

    static final int PORT = 18090;
    static final int MANAGEMENT_PORT = 19090;
    static final String HASH = "$2a$04$j/coOW2b2pyrVjJdE/AG2.kUP9DHCrMKL4cPEO6I0A.FJh8uRpnES";

    static EmbeddedPostgres postgres;
    static FakeBotApi telegram;
    Process app;

    @BeforeAll
    static void servers() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        telegram = FakeBotApi.start();
        RestAssured.baseURI = "http://localhost";
        RestAssured.port = PORT;
    }

    @AfterEach
    void stopApp() throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.destroyForcibly().waitFor();
        }
    }

    @AfterAll
    static void stopServers() throws Exception {
        telegram.close();
        postgres.close();
    }

    void startApp() throws Exception {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String user : List.of("officer1", "officer2", "approver2", "viewer1")) {
            command.add("-Dtakedown.users." + user + ".password-hash=" + HASH);
            command.add("-Dtakedown.users." + user + ".roles=" + user.replaceAll("[0-9]", ""));
        }
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/telegram-crash-app.log")));
        Map<String, String> env = builder.environment();
        env.put("TAKEDOWN_DB_URL", postgres.getJdbcUrl("postgres", "postgres"));
        env.put("TAKEDOWN_DB_USER", "postgres");
        env.put("TAKEDOWN_DB_PASSWORD", "");
        env.put("TAKEDOWN_HTTP_PORT", Integer.toString(PORT));
        env.put("TAKEDOWN_MANAGEMENT_PORT", Integer.toString(MANAGEMENT_PORT));
        env.put("TAKEDOWN_BOT_TOKEN", FakeBotApi.TOKEN);
        env.put("TAKEDOWN_SMS_DRY_RUN", "true");
        env.put("TAKEDOWN_PERSONAL_DATA_KEY_FILE", PersonalDataKeyFile.create());
        env.put("TAKEDOWN_TELEGRAM_API_SCHEME", "http");
        env.put("TAKEDOWN_TELEGRAM_API_HOST", "127.0.0.1");
        env.put("TAKEDOWN_TELEGRAM_API_PORT", Integer.toString(telegram.port()));
        env.put("TAKEDOWN_TELEGRAM_API_TIMEOUT", "2s");
        env.put("TAKEDOWN_TELEGRAM_DISPATCH_LEASE_MARGIN", "3s");
        app = builder.start();
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> RestAssured.given()
                                .port(MANAGEMENT_PORT)
                                .get("/q/health/ready")
                                .statusCode()
                        == 200);
    }

    @Test
    void killedAtFiveRandomPointsNothingIsLostAndNothingSentIsRepeated() throws Exception {
        int chats = Integer.getInteger("bench.chats", 1000);
        Random random = new Random(Long.getLong("bench.seed", System.nanoTime()));
        startApp();
        TelegramOperation op = TelegramOperation.active(
                telegram,
                chats,
                TelegramOperation.notice(
                        "Using spoofing services for criminal purposes is illegal. <b>{reference}</b>"));
        Set<String> targets = op.chats().stream().map(String::toLowerCase).collect(Collectors.toSet());
        for (int kill = 1; kill <= 5; kill++) {
            telegram.clearDelivered();
            long run = op.sendNow();
            long killAfter = 2_000 + random.nextInt(Math.max(1, chats * 1000 / 30 - 4_000));
            TimeUnit.MILLISECONDS.sleep(killAfter);
            app.destroyForcibly().waitFor();
            Map<String, Set<String>> before = statuses(run);
            Set<String> sentBefore = before.getOrDefault("SENT", Set.of());
            Set<String> inFlight = before.getOrDefault("CLAIMED", Set.of());
            startApp();
            op.awaitSettled(run, Duration.ofSeconds(chats / 10 + 120));
            Map<String, Integer> beforeResolving = received(targets);
            List<Map<String, Object>> unknown = op.deliveries(run).stream()
                    .filter(r -> "UNKNOWN".equals(r.get("status")))
                    .toList();
            for (Map<String, Object> row : unknown) {
                boolean arrived = beforeResolving.containsKey(((String) row.get("chat")).toLowerCase());
                Api.as("officer1")
                        .body(Map.of("note", arrived ? "seen in the channel" : "not in the channel"))
                        .post(
                                "/api/operations/{id}/deliveries/{d}/" + (arrived ? "mark-sent" : "resend"),
                                op.id(),
                                row.get("id"))
                        .then()
                        .statusCode(200);
            }
            List<Map<String, Object>> rows = op.awaitSettled(run, Duration.ofSeconds(60));
            Map<String, Integer> received = received(targets);
            Set<String> missing = new HashSet<>(targets);
            missing.removeAll(received.keySet());
            Set<String> duplicates = received.entrySet().stream()
                    .filter(e -> e.getValue() > 1)
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
            Set<String> duplicatesOutsideFlight = new HashSet<>(duplicates);
            duplicatesOutsideFlight.removeAll(inFlight);
            long sentRepeated = sentBefore.stream()
                    .filter(c -> received.getOrDefault(c, 0) != 1)
                    .count();
            System.out.printf(
                    "RESULT kill=%d after=%.1fs sentBeforeKill=%d inFlightAtKill=%d unknown=%d missing=%d duplicates=%d "
                            + "duplicatesOutsideFlight=%d sentBeforeKillRepeated=%d rowsSent=%d%n",
                    kill,
                    killAfter / 1000.0,
                    sentBefore.size(),
                    inFlight.size(),
                    unknown.size(),
                    missing.size(),
                    duplicates.size(),
                    duplicatesOutsideFlight.size(),
                    sentRepeated,
                    rows.stream().filter(r -> "SENT".equals(r.get("status"))).count());
            assertEquals(Set.of(), missing, "targets missing after kill " + kill);
            assertEquals(0, sentRepeated, "rows SENT before kill " + kill + " were delivered again");
            assertEquals(Set.of(), duplicatesOutsideFlight, "duplicates outside the rows in flight at kill " + kill);
            assertTrue(rows.stream().allMatch(r -> "SENT".equals(r.get("status"))), "every row SENT in the end");
        }
    }

    private Map<String, Integer> received(Set<String> targets) {
        Map<String, Integer> counts = new HashMap<>();
        telegram.delivered().stream()
                .map(d -> d.chat().toLowerCase())
                .filter(targets::contains)
                .forEach(c -> counts.merge(c, 1, Integer::sum));
        return counts;
    }

    /** Chats of the run's rows by status, read straight from PostgreSQL while the application is down. */
    private Map<String, Set<String>> statuses(long run) throws Exception {
        Map<String, Set<String>> byStatus = new HashMap<>();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT status, address FROM delivery WHERE channel = 'telegram' AND run_id = " + run)) {
            while (rows.next()) {
                byStatus.computeIfAbsent(rows.getString(1), s -> new HashSet<>())
                        .add(rows.getString(2).toLowerCase());
            }
        }
        return byStatus;
    }
}
