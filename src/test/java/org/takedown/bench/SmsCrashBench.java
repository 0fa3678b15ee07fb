package org.takedown.bench;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.takedown.support.Api;
import org.takedown.support.ReplicaCluster;
import org.takedown.support.ServiceProcess;
import org.takedown.victim.sms.SmsCampaignTest;
import org.takedown.victim.sms.smpp.FakeSmsc;

/**
 * Run by {@code bench/sms-crash.sh} after {@code ./mvnw package}: the packaged service (production profile, embedded
 * PostgreSQL, clustered Quartz) texts a campaign to {@code bench.recipients} victims (default 10,000) through the fake
 * SMSC allowing {@code bench.rate} messages a second, and is killed with SIGKILL at five random points of the one
 * campaign (when the SMSC has accepted a drawn number of messages), each time restarted. Then the harness does what an
 * officer would with each UNKNOWN row: marks it sent if the SMSC has the message, resends it if not. Checked: no victim
 * missing; no victim whose row had the SMSC's answer before a kill was texted again; a victim texted twice only if their
 * row was UNKNOWN.
 */
public class SmsCrashBench {

    ReplicaCluster cluster;

    @AfterEach
    void stop() throws Exception {
        RestAssured.reset();
        if (cluster != null) {
            cluster.close();
        }
    }

    /** A row of the run as the database holds it. */
    record Row(long id, long victimId, String status, String providerId) {}

    @Test
    void killedAtFivePointsOfOneCampaignNoVictimIsMissedAndNoAnsweredMessageRepeated() throws Exception {
        int recipients = Integer.getInteger("bench.recipients", 10_000);
        int rate = Integer.getInteger("bench.rate", 100);
        Random random = new Random(Long.getLong("bench.seed", System.nanoTime()));
        cluster = ReplicaCluster.start(rate, rate)
                // an interrupted submit becomes UNKNOWN 5 s after its claim, not after production's 40 s
                .with("takedown.victims.sms.smpp.response-timeout", "1s")
                .with("takedown.victims.sms.dispatch.lease-margin", "2s");
        FakeSmsc smsc = cluster.smsc().autoReceipts(true);
        ServiceProcess app = cluster.replica("sms-crash-0");
        RestAssured.port = app.httpPort();

        long[] ids = SmsCampaignTest.activeCampaign(
                SmsThroughputBench.list(recipients), SmsThroughputBench.bodyCuts(recipients), -60, Map.of());
        long operationId = ids[0];
        Map<Long, String> phones = phonesByVictim(operationId, ids[1]);
        assertEquals(recipients, phones.size(), "victims in the exported list");
        String runUrl = SmsCampaignTest.run(operationId, ids[1]);
        Api.as("officer1").post(runUrl).then().statusCode(201);
        long runId = Api.as("viewer1").get(runUrl).then().extract().jsonPath().getLong("id");

        int[] killAt =
                random.ints(5, recipients / 20, recipients * 19 / 20).sorted().toArray();
        Set<Long> answeredBeforeAKill = new HashSet<>();
        for (int kill = 1; kill <= 5; kill++) {
            int at = killAt[kill - 1];
            await().atMost(Duration.ofSeconds(recipients / rate * 3L + 120))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> smsc.submitted.size() >= at);
            app.kill();
            int submittedAtKill = smsc.submitted.size();
            List<Row> rows = rows(runId);
            Set<Long> answered = rows.stream()
                    .filter(r -> r.providerId() != null)
                    .map(Row::victimId)
                    .collect(Collectors.toSet());
            answeredBeforeAKill.addAll(answered);
            long inFlight =
                    rows.stream().filter(r -> r.status().equals("CLAIMED")).count();
            System.out.printf(
                    "KILL %d at=%d submitted=%d answered=%d inFlight=%d%n",
                    kill, at, submittedAtKill, answered.size(), inFlight);
            app = cluster.replica("sms-crash-" + kill);
            RestAssured.port = app.httpPort();
        }

        await().atMost(Duration.ofSeconds(recipients / rate * 3L + 180))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> rows(runId).stream()
                        .allMatch(r -> Set.of("SENT", "DELIVERED", "UNKNOWN").contains(r.status())));
        Map<String, Integer> texted = texted(smsc);
        List<Row> unknown =
                rows(runId).stream().filter(r -> r.status().equals("UNKNOWN")).toList();
        for (Row row : unknown) {
            boolean arrived = texted.containsKey(phones.get(row.victimId()));
            Api.as("officer1")
                    .body(Map.of("note", arrived ? "the SMSC has the message" : "the SMSC does not have it"))
                    .post(
                            "/api/operations/{id}/deliveries/{d}/" + (arrived ? "mark-sent" : "resend"),
                            operationId,
                            row.id())
                    .then()
                    .statusCode(200);
        }
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> rows(runId).stream()
                        .allMatch(r -> Set.of("SENT", "DELIVERED").contains(r.status())));

        Map<String, Integer> received = texted(smsc);
        Set<String> missing = new HashSet<>(phones.values());
        missing.removeAll(received.keySet());
        Set<String> unknownPhones =
                unknown.stream().map(r -> phones.get(r.victimId())).collect(Collectors.toSet());
        Set<String> doubled = received.entrySet().stream()
                .filter(e -> e.getValue() > 1)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        Set<String> doubledOutsideUnknown = new HashSet<>(doubled);
        doubledOutsideUnknown.removeAll(unknownPhones);
        long answeredRepeated = answeredBeforeAKill.stream()
                .filter(v -> received.getOrDefault(phones.get(v), 0) != 1)
                .count();
        List<Row> end = rows(runId);
        System.out.printf(
                "RESULT recipients=%d rate=%d killsAt=%s unknown=%d missing=%d doubled=%d doubledOutsideUnknown=%d"
                        + " answeredBeforeAKillRepeated=%d throttled=%d rowsDelivered=%d rowsSent=%d%n",
                recipients,
                rate,
                Arrays.toString(killAt),
                unknown.size(),
                missing.size(),
                doubled.size(),
                doubledOutsideUnknown.size(),
                answeredRepeated,
                smsc.throttled.get(),
                end.stream().filter(r -> r.status().equals("DELIVERED")).count(),
                end.stream().filter(r -> r.status().equals("SENT")).count());
        assertEquals(recipients, end.size(), "one row per victim");
        assertEquals(Set.of(), missing, "victims never texted");
        assertEquals(0, answeredRepeated, "victims whose message the SMSC had answered before a kill texted again");
        assertEquals(Set.of(), doubledOutsideUnknown, "victims texted twice whose row was not UNKNOWN");
        assertTrue(end.stream().allMatch(r -> r.victimId() > 0));
    }

    /** How many times the SMSC accepted a message to each number (E.164 digits). */
    private static Map<String, Integer> texted(FakeSmsc smsc) {
        Map<String, Integer> counts = new HashMap<>();
        smsc.submitted.forEach(s -> counts.merge(s.destination(), 1, Integer::sum));
        return counts;
    }

    /** The run's rows, read straight from PostgreSQL (also while the service is down). */
    private List<Row> rows(long runId) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (Connection connection = cluster.database();
                PreparedStatement sql =
                        connection.prepareStatement("select d.id, c.victim_id, d.status, d.provider_id from delivery d"
                                + " join campaign_delivery c on c.delivery_id = d.id"
                                + " where d.channel = 'sms' and d.run_id = ?")) {
            sql.setLong(1, runId);
            try (ResultSet rs = sql.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        return rows;
    }

    /** Each victim's number (E.164 digits), from the list exported in the clear as an officer would, justified. */
    private static Map<Long, String> phonesByVictim(long operationId, long campaignId) {
        long listId = Api.as("viewer1")
                .get("/api/operations/{id}/campaigns/{c}", operationId, campaignId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("listId");
        String csv = Api.as("officer1")
                .accept("text/csv")
                .body(Map.of("justification", "crash test: match the SMSC's messages to victims"))
                .post("/api/operations/{id}/victim-lists/{l}/export", operationId, listId)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Map<Long, String> phones = new HashMap<>();
        csv.lines().skip(1).forEach(line -> {
            String[] cells = line.split(",", 3);
            phones.put(Long.parseLong(cells[0]), cells[1].replaceAll("[^0-9]", ""));
        });
        return phones;
    }
}
