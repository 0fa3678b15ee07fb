package org.takedown.seizure;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.takedown.support.Api;
import org.takedown.support.Fixtures;
import org.takedown.support.MutableClock;

@QuarkusTest
public class VisitTest {

    @Inject
    BannerSnapshots snapshots;

    @Inject
    VisitRecorder recorder;

    @Inject
    VisitRetentionJob retention;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MutableClock clock;

    @Inject
    org.takedown.support.EventLoopConnectionWatch connections;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    long liveDomain(String host, String visitLog, int retentionDays) {
        Map<String, Object> banner = BannerFixtures.banner(Map.of("en", BannerFixtures.texts("Seized")));
        banner.put("visitLog", visitLog);
        banner.put("visitRetentionDays", retentionDays);
        long id = BannerFixtures.operation(
                "ACTIVE", Fixtures.operationBody(Fixtures.codeName()), List.of(BannerFixtures.domain(host)), banner);
        snapshots.refreshNow();
        return id;
    }

    long domainId(long operation) {
        return Api.as("viewer1")
                .get("/api/operations/{id}/seized-domains", operation)
                .jsonPath()
                .getLong("items[0].id");
    }

    long storedHits(long domain) throws SQLException {
        return query("SELECT COALESCE(SUM(hits), 0) FROM banner_visit_minute WHERE seized_domain_id = ?", domain)
                                .get(0)
                                .get(0)
                        instanceof Number n
                ? n.longValue()
                : 0;
    }

    List<List<Object>> query(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                List<List<Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    @Test
    void visitsAreCountedInMemoryAndWrittenInBatchesWithoutADatabaseAccessPerRequest() throws SQLException {
        String host = BannerFixtures.host();
        long domain = domainId(liveDomain(host, "NONE", 30));
        recorder.flush();
        long seen = connections.total();
        Api.as("viewer1").get("/api/operations?size=1").then().statusCode(200);
        assertTrue(connections.total() > seen, "the watch sees the pool's acquisitions");
        connections.clear();
        for (int i = 0; i < 300; i++) {
            BannerFixtures.get(host, i % 3 == 0 ? "/" : "/path/" + i).then().statusCode(200);
        }
        assertEquals(
                List.of(), connections.acquisitions(), "banner requests (served on the event loop) took connections");
        recorder.flush();
        assertEquals(
                300, storedHits(domain), "every visit counted once, whether the periodic flush ran meanwhile or not");
        long rows = ((Number) query("SELECT COUNT(*) FROM banner_visit_minute WHERE seized_domain_id = ?", domain)
                        .get(0)
                        .get(0))
                .longValue();
        assertTrue(rows <= 2, "300 visits are stored as one row per minute, not one per visit: " + rows);
        BannerFixtures.get(host, "/.seized/banner.css");
        BannerFixtures.get(host, "/robots.txt");
        recorder.flush();
        assertEquals(300, storedHits(domain), "assets and robots.txt are not visits");
        Api.as("viewer1")
                .queryParam("step", "day")
                .get(
                        "/api/operations/{id}/seized-domains/{d}/visits",
                        query("SELECT operation_id FROM seized_domain WHERE id = ?", domain)
                                .get(0)
                                .get(0),
                        domain)
                .then()
                .statusCode(200)
                .body("total", equalTo(300))
                .body("step", equalTo("day"))
                .body("points.size()", equalTo(1));
    }

    @Test
    void thePerVisitLogFollowsTheOperationsPrivacyMode() throws SQLException {
        Map<String, Long> operations = Map.of(
                "NONE",
                liveDomain(BannerFixtures.host(), "NONE", 30),
                "HASHED",
                liveDomain(BannerFixtures.host(), "HASHED", 30),
                "FULL",
                liveDomain(BannerFixtures.host(), "FULL", 30));
        for (long operation : operations.values()) {
            String host = Api.as("viewer1")
                    .get("/api/operations/{id}/seized-domains", operation)
                    .jsonPath()
                    .getString("items[0].hostname");
            given().header("Host", host)
                    .header("User-Agent", "test-agent")
                    .get("/deep/path?lang=en")
                    .then()
                    .statusCode(200);
        }
        recorder.flush();
        assertEquals(
                0,
                query("SELECT COUNT(*) FROM banner_visit WHERE operation_id = ?", operations.get("NONE"))
                                        .get(0)
                                        .get(0)
                                instanceof Number n
                        ? n.intValue()
                        : -1);
        List<Object> hashed = query(
                        "SELECT client, lang, path, user_agent FROM banner_visit WHERE operation_id = ?",
                        operations.get("HASHED"))
                .get(0);
        assertTrue(hashed.get(0).toString().matches("[0-9a-f]{32}"), "hashed client: " + hashed.get(0));
        assertTrue(!hashed.get(0).toString().contains("127.0.0.1"));
        assertEquals(List.of("en", "/deep/path", "test-agent"), hashed.subList(1, 4));
        assertEquals(
                "127.0.0.1",
                query("SELECT client FROM banner_visit WHERE operation_id = ?", operations.get("FULL"))
                        .get(0)
                        .get(0));
    }

    @Test
    void visitDataIsDeletedAfterItsRetentionPeriod() throws SQLException {
        String host = BannerFixtures.host();
        long operation = liveDomain(host, "FULL", 30);
        long domain = domainId(operation);
        Instant now = Instant.now();
        clock.set(now.minus(Duration.ofDays(401)));
        BannerFixtures.get(host, "/").then().statusCode(200);
        recorder.flush();
        clock.set(now.minus(Duration.ofDays(31)));
        BannerFixtures.get(host, "/").then().statusCode(200);
        recorder.flush();
        clock.set(now.minus(Duration.ofDays(29)));
        BannerFixtures.get(host, "/").then().statusCode(200);
        recorder.flush();
        clock.set(now);
        assertEquals(
                3L,
                ((Number) query("SELECT COUNT(*) FROM banner_visit WHERE operation_id = ?", operation)
                                .get(0)
                                .get(0))
                        .longValue());
        assertEquals(3, storedHits(domain));
        assertTrue(retention.purge() >= 3);
        assertEquals(
                1L,
                ((Number) query("SELECT COUNT(*) FROM banner_visit WHERE operation_id = ?", operation)
                                .get(0)
                                .get(0))
                        .longValue(),
                "per-visit rows older than the operation's 30 days are gone");
        assertEquals(2, storedHits(domain), "counters older than 400 days are gone");
    }

    @Test
    void randomPathsCannotGrowTheMetrics() {
        String host = BannerFixtures.host();
        liveDomain(host, "NONE", 30);
        String before = given().port(9001).get("/q/metrics").asString();
        for (int i = 0; i < 20; i++) {
            BannerFixtures.get(host, "/probe-" + i + "-" + Fixtures.unique())
                    .then()
                    .statusCode(200);
            BannerFixtures.get("probe-" + i + "-" + Fixtures.unique() + ".example", "/x")
                    .then()
                    .statusCode(404);
        }
        String after = given().port(9001).get("/q/metrics").asString();
        assertTrue(!after.contains("probe-"), "request paths or unknown hosts became metric labels");
        long seriesBefore = before.lines().filter(l -> !l.startsWith("#")).count();
        long seriesAfter = after.lines().filter(l -> !l.startsWith("#")).count();
        assertTrue(
                seriesAfter - seriesBefore <= 3,
                "at most this host's response and visit counters (and the shared 'none' one) are new: "
                        + (seriesAfter - seriesBefore));
    }

    @Test
    void everyResponseIsCountedInPrometheusPerHostAndStatus() {
        String host = BannerFixtures.host();
        liveDomain(host, "NONE", 30);
        BannerFixtures.get(host, "/").then().statusCode(200);
        given().header("Host", host).post("/").then().statusCode(405);
        given().port(9001)
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("takedown_banner_responses_total{host=\"" + host + "\",status=\"200\"} 1.0"))
                .body(containsString("takedown_banner_responses_total{host=\"" + host + "\",status=\"405\"} 1.0"))
                .body(containsString("takedown_banner_visits_total{host=\"" + host + "\"} 1.0"));
    }
}
