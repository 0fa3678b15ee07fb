package org.takedown.bench;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.RestAssured;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.takedown.seizure.BannerFixtures;
import org.takedown.support.FakeBotApi;
import org.takedown.support.ReplicaCluster;
import org.takedown.support.ServiceProcess;
import org.takedown.support.TelegramOperation;

/**
 * Run by {@code bench/scale.sh} after {@code ./mvnw package}: two replicas of the packaged service on one embedded
 * PostgreSQL and the fake Bot API (which enforces Telegram's limits), everything on this machine's cores.
 * <ol>
 * <li>Banner throughput: wrk against one replica, then against both at once (the connections split between them),
 * and against nginx serving the same bytes, alternately, {@code bench.rounds} times.</li>
 * <li>Rate share: one run to {@code bench.chats} chats; the combined rate against the fake's limit (30/s), each
 * replica's share, the busiest second and the 429 count.</li>
 * <li>Resume: {@code kill -9} of one replica a third of the way into such a run; how long until its claims are handed
 * over, the longest pause in deliveries, and chats missed or reached twice outside the UNKNOWN rows.</li>
 * </ol>
 * Prints {@code RESULT} lines; it fails only when a run loses or silently doubles a message.
 */
public class ScaleBench {

    private static final int TELEGRAM_LIMIT = 30;

    static ReplicaCluster cluster;
    static FakeBotApi telegram;
    static ServiceProcess a;
    static ServiceProcess b;

    @BeforeAll
    static void start() {
        cluster = ReplicaCluster.start();
        telegram = cluster.telegram();
        a = cluster.replica("scale-bench-a");
        b = cluster.replica("scale-bench-b");
        RestAssured.port = a.httpPort();
    }

    @AfterAll
    static void stop() throws IOException {
        RestAssured.reset();
        cluster.close();
    }

    @Test
    void bannersRateShareAndResume() throws Exception {
        System.out.printf(
                "setup machine=%d cores java=%s chats=%d%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), chats());
        bannerThroughput();
        rateShare();
        resumeAfterKill();
    }

    private void bannerThroughput() throws Exception {
        String host = BannerFixtures.host();
        BannerFixtures.liveOperation(host);
        await().atMost(Duration.ofSeconds(5)).until(() -> banner(b, host).statusCode() == 200);
        byte[] page = banner(a, host).asByteArray();
        int connections = Integer.getInteger("bench.connections", 200);
        String duration = System.getProperty("bench.duration", "10s");
        try (Nginx nginx = Nginx.serving(page)) {
            for (int i = 0; i < 3; i++) { // warm-up: each replica's JIT compiles the banner path
                Wrk.together(List.of(url(a), url(b)), host, connections, duration);
            }
            for (int round = 1; round <= Integer.getInteger("bench.rounds", 3); round++) {
                Wrk.Result one = Wrk.together(List.of(url(a), url(a)), host, connections, duration);
                Wrk.Result both = Wrk.together(List.of(url(a), url(b)), host, connections, duration);
                Wrk.Result reference = Wrk.together(List.of(nginx.url(), nginx.url()), host, connections, duration);
                System.out.printf(
                        "RESULT banner round=%d bytes=%d connections=%d oneReplica=%.0f/s bothReplicas=%.0f/s nginx=%.0f/s "
                                + "both/one=%.2f both/nginx=%.2f p99(one/both/nginx)=%.1f/%.1f/%.1fms errors=%d%n",
                        round,
                        page.length,
                        connections,
                        one.rps(),
                        both.rps(),
                        reference.rps(),
                        both.rps() / one.rps(),
                        both.rps() / reference.rps(),
                        one.p99Millis(),
                        both.p99Millis(),
                        reference.p99Millis(),
                        one.errors() + both.errors());
            }
        }
    }

    private void rateShare() throws Exception {
        int refusedBefore = telegram.tooManyRequests();
        TelegramOperation operation =
                TelegramOperation.active(telegram, chats(), TelegramOperation.notice("Rate share " + chats()));
        telegram.clearDelivered();
        long run = operation.sendNow();
        List<Map<String, Object>> rows = operation.awaitSettled(run, Duration.ofSeconds(chats() / 10 + 120));
        List<Instant> sent = telegram.delivered().stream()
                .map(FakeBotApi.Delivered::at)
                .sorted()
                .toList();
        double seconds =
                Duration.between(sent.get(0), sent.get(sent.size() - 1)).toMillis() / 1000.0;
        double rate = (sent.size() - 1) / seconds;
        Map<String, Long> share = cluster.rowsByReplica(run);
        System.out.printf(
                "RESULT rate chats=%d seconds=%.1f rate=%.1f/s allowed=%d/s rate/allowed=%.2f busiestSecond=%d 429s=%d share=%s%n",
                chats(),
                seconds,
                rate,
                TELEGRAM_LIMIT,
                rate / TELEGRAM_LIMIT,
                busiestSecond(sent),
                telegram.tooManyRequests() - refusedBefore,
                share.values());
        TelegramOperation.Reach reach = operation.reach(rows, telegram.delivered());
        assertEquals(Set.of(), reach.missed(), "chats missed");
        assertEquals(Set.of(), reach.silentlyDoubled(), "chats reached twice whose row is not UNKNOWN");
    }

    private void resumeAfterKill() throws Exception {
        TelegramOperation operation =
                TelegramOperation.active(telegram, chats(), TelegramOperation.notice("Resume " + chats()));
        telegram.clearDelivered();
        long run = operation.sendNow();
        // Killed while it holds claims: those wait for their lease before the other replica may take them.
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> telegram.delivered().size() >= chats() / 3
                        && cluster.rowsOf(b.pid(), run, "SENT") > 0
                        && cluster.rowsOf(b.pid(), run, "CLAIMED") > 0);
        long claimedAtKill = cluster.rowsOf(b.pid(), run, "CLAIMED");
        Instant killed = Instant.now();
        b.kill();
        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> cluster.rowsOf(b.pid(), run, "CLAIMED") == 0);
        double handover = Duration.between(killed, Instant.now()).toMillis() / 1000.0;
        List<Map<String, Object>> rows = operation.awaitSettled(run, Duration.ofSeconds(chats() / 10 + 120));
        List<Instant> sent = telegram.delivered().stream()
                .map(FakeBotApi.Delivered::at)
                .sorted()
                .toList();
        double longestPause = 0;
        for (int i = 1; i < sent.size(); i++) {
            if (sent.get(i).isAfter(killed)) {
                longestPause = Math.max(
                        longestPause,
                        Duration.between(sent.get(i - 1), sent.get(i)).toMillis() / 1000.0);
            }
        }
        double total = Duration.between(sent.get(0), sent.get(sent.size() - 1)).toMillis() / 1000.0;
        TelegramOperation.Reach reach = operation.reach(rows, telegram.delivered());
        System.out.printf(
                "RESULT resume chats=%d claimedByKilledReplica=%d handedOverAfter=%.1fs longestPauseAfterKill=%.1fs "
                        + "runSeconds=%.1f (uninterrupted at the limit: %.1f) unknown=%d missed=%d silentlyDoubled=%d%n",
                chats(),
                claimedAtKill,
                handover,
                longestPause,
                total,
                (chats() - 1.0) / TELEGRAM_LIMIT,
                reach.unknown().size(),
                reach.missed().size(),
                reach.silentlyDoubled().size());
        assertEquals(Set.of(), reach.missed(), "chats missed");
        assertEquals(Set.of(), reach.silentlyDoubled(), "chats reached twice whose row is not UNKNOWN");
    }

    private static int chats() {
        return Integer.getInteger("bench.chats", 600);
    }

    private static io.restassured.response.Response banner(ServiceProcess replica, String host) {
        return RestAssured.given().port(replica.httpPort()).header("Host", host).get("/");
    }

    private static String url(ServiceProcess replica) {
        return "http://127.0.0.1:" + replica.httpPort() + "/";
    }

    private static int busiestSecond(List<Instant> sent) {
        int busiest = 0;
        for (int first = 0, last = 0; last < sent.size(); last++) {
            while (Duration.between(sent.get(first), sent.get(last)).toMillis() >= 1000) {
                first++;
            }
            busiest = Math.max(busiest, last - first + 1);
        }
        return busiest;
    }
}
