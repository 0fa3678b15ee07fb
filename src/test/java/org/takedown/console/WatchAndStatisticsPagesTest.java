package org.takedown.console;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.takedown.support.Api;
import org.takedown.support.ConsoleSession;
import org.takedown.support.Fixtures;
import org.takedown.watch.DiscoveryCandidate;
import org.takedown.watch.WatchTargetKind;

/** The watch page, the statistics and the dashboard's timeline, read and acted on through the console. */
@QuarkusTest
class WatchAndStatisticsPagesTest {

    @Test
    void channelsAndRulesAreAddedAndAFoundHandleIsAcceptedOrDismissed() {
        long op = Fixtures.createOperation("officer1");
        ConsoleSession officer = ConsoleSession.signIn("officer1");
        officer.htmx()
                .formParam("kind", "TELEGRAM_CHANNEL")
                .formParam("value", "no")
                .post("/console/operations/{id}/watch/targets", op)
                .then()
                .statusCode(422)
                .body(containsString("id=\"watch-value-error\""));
        officer.htmx()
                .formParam("kind", "TELEGRAM_CHANNEL")
                .formParam("value", "https://t.me/spoof_sellers")
                .formParam("readEveryMinutes", "15")
                .post("/console/operations/{id}/watch/targets", op)
                .then()
                .statusCode(200)
                .body(containsString("Watching"));
        officer.htmx()
                .formParam("ruleKind", "REGEX")
                .formParam("pattern", "(unclosed")
                .post("/console/operations/{id}/watch/rules", op)
                .then()
                .statusCode(422)
                .body(containsString("id=\"rule-pattern-error\""));
        officer.htmx()
                .formParam("ruleKind", "KEYWORD")
                .formParam("pattern", "spoof call")
                .post("/console/operations/{id}/watch/rules", op)
                .then()
                .statusCode(200)
                .body(containsString("Rule added."));
        Api.as("viewer1")
                .get("/api/operations/{id}/watch-targets", op)
                .then()
                .body("items", hasSize(1))
                .body("items[0].value", equalTo("spoof_sellers"))
                .body("items[0].readEverySeconds", equalTo(900));
        Api.as("viewer1")
                .get("/api/operations/{id}/watch-rules", op)
                .then()
                .body("items[0].pattern", equalTo("spoof call"));

        long keep = candidate(op, "spoof-shop.example");
        long drop = candidate(op, "other-shop.example");
        officer.request()
                .get("/console/operations/{id}/watch", op)
                .then()
                .statusCode(200)
                .body(containsString("spoof-shop.example"));
        officer.htmx()
                .post("/console/operations/{id}/watch/candidates/{c}/dismiss", op, drop)
                .then()
                .statusCode(200)
                .body(containsString("Dismissed."));
        Api.as("viewer1")
                .queryParam("status", "DISMISSED")
                .get("/api/operations/{id}/discoveries", op)
                .then()
                .body("items[0].id", equalTo((int) drop));
        officer.htmx()
                .post("/console/operations/{id}/watch/candidates/{c}/sideways", op, keep)
                .then()
                .statusCode(404);

        ConsoleSession viewer = ConsoleSession.signIn("viewer1");
        String page = viewer.request()
                .get("/console/operations/{id}/watch", op)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(!page.contains("/watch/targets\"") && !page.contains("/accept\""), "no forms for a viewer");
        viewer.htmx()
                .post("/console/operations/{id}/watch/candidates/{c}/accept", op, keep)
                .then()
                .statusCode(403);
    }

    static long candidate(long op, String value) {
        return QuarkusTransaction.requiringNew().call(() -> {
            DiscoveryCandidate candidate = new DiscoveryCandidate();
            candidate.operationId = op;
            candidate.kind = WatchTargetKind.DOMAIN;
            candidate.value = value;
            candidate.status = DiscoveryCandidate.Status.NEW;
            candidate.createdAt = Instant.now();
            candidate.persist();
            return candidate.id;
        });
    }

    @Test
    void statisticsChartTheVisitsAndTheDashboardShowsWhatIsComing() {
        // The timeline shows the next few events of every operation under way: ours come soon, before the other tests'.
        String soon = Fixtures.localIn(600);
        long op = Fixtures.createOperation("officer1");
        String host = "stats-" + Fixtures.unique() + ".example";
        Api.as("officer1")
                .body(Map.of("hostname", host, "liveFrom", soon))
                .post("/api/operations/{id}/seized-domains", op)
                .then()
                .statusCode(201);
        Fixtures.move(op, "officer1", "submit");
        ConsoleSession viewer = ConsoleSession.signIn("viewer1");
        String stats = viewer.request()
                .queryParam("operationId", op)
                .get("/console/statistics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(stats.contains("data-chart=\"{&quot;"), "chart data as an escaped attribute");
        assertTrue(stats.contains(host), stats);
        assertTrue(stats.contains("/webjars/chart.js/4.4.1/dist/chart.umd.js"));
        Api.anonymous().get("/webjars/chart.js/4.4.1/dist/chart.umd.js").then().statusCode(200);
        viewer.request().get("/console").then().statusCode(200).body(containsString("banner goes live on " + host));
        LocalDateTime daily = LocalDateTime.parse(soon);
        long[] repeating = Fixtures.activeWithScheduledNotice(
                Map.of("cron", "0 " + daily.getMinute() + " " + daily.getHour() + " * * ?"));
        String title = Api.as("viewer1")
                .get("/api/operations/{id}/notices", repeating[0])
                .jsonPath()
                .getString("items[0].title");
        viewer.request()
                .get("/console")
                .then()
                .statusCode(200)
                .body(containsString("notice \u201c" + title + "\u201d is sent (repeating)"));
        viewer.request()
                .get("/console/deliveries/unknown")
                .then()
                .statusCode(200)
                .body(containsString("UNKNOWN deliveries"));

        String live = org.takedown.seizure.BannerFixtures.host();
        org.takedown.seizure.BannerFixtures.liveOperation(live);
        viewer.request().get("/console").then().statusCode(200).body(containsString(live + " <span class=\"hint\">"));
        try {
            Api.as("admin1")
                    .body(Map.of("engaged", true, "includeBanners", true, "reason", "test"))
                    .put("/api/kill-switch")
                    .then()
                    .statusCode(200);
            viewer.request()
                    .get("/console")
                    .then()
                    .statusCode(200)
                    .body(not(containsString(live + " <span class=\"hint\">")));
        } finally {
            Api.as("admin1")
                    .body(Map.of("engaged", false))
                    .put("/api/kill-switch")
                    .then()
                    .statusCode(200);
        }
        viewer.request()
                .get("/console/statistics?operationId=999999999")
                .then()
                .statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("Operation 999999999 does not exist"));
    }
}
