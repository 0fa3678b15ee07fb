package org.takedown.deploy;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.takedown.seizure.BannerFixtures;
import org.takedown.support.Fixtures;
import org.takedown.support.Prometheus;

/**
 * The sample Grafana dashboard (helm/takedown/dashboards/takedown.json) only queries series the service exposes: after
 * a banner visit and a misfired notice trigger, every metric name its panels use is on the service's /q/metrics.
 */
@QuarkusTest
class GrafanaDashboardTest {

    private static final Path DASHBOARD = Path.of("helm", "takedown", "dashboards", "takedown.json");
    private static final Pattern METRIC = Pattern.compile("\\b((?:takedown|jvm|agroal)_[a-z0-9_]+)\\b");

    @Test
    void everySeriesTheDashboardQueriesIsExposed() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        Set<String> names = new TreeSet<>();
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertTrue(ids.add(panel.path("id").asInt()), "panel ids are unique");
            assertTrue(panel.path("targets").size() > 0, "panel without a query: " + panel.path("title"));
            for (JsonNode target : panel.path("targets")) {
                Matcher metric = METRIC.matcher(target.path("expr").asText());
                while (metric.find()) {
                    names.add(metric.group(1));
                }
            }
        }
        assertTrue(names.size() >= 15, "metric names found: " + names);

        String host = BannerFixtures.host();
        BannerFixtures.liveOperation(host);
        BannerFixtures.get(host, "/").then().statusCode(200);
        // A notice due ten minutes ago: its trigger is armed in the past and misfires.
        Fixtures.activeWithScheduledNotice(Map.of("at", Fixtures.localIn(-600), "maxLateness", "PT1M"));

        await().atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> missing(names), Set::isEmpty);
        assertTrue(Prometheus.value("takedown_quartz_misfires_total{schedule=\"notices-of-operation\"}") >= 1);
    }

    private static Set<String> missing(Set<String> names) {
        String exposition = RestAssured.given()
                .port(Prometheus.TEST_PORT)
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Set<String> missing = new TreeSet<>();
        for (String name : names) {
            if (exposition.lines().noneMatch(line -> line.startsWith(name + "{") || line.startsWith(name + " "))) {
                missing.add(name);
            }
        }
        return missing;
    }
}
