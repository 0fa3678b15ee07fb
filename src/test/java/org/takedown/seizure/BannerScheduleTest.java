package org.takedown.seizure;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.takedown.seizure.BannerFixtures.MARKER;
import static org.takedown.seizure.BannerFixtures.get;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.takedown.support.Fixtures;
import org.takedown.support.MutableClock;

/** Liveness and stages are decided against the clock on every request; the clock is pinned here. */
@QuarkusTest
public class BannerScheduleTest {

    @Inject
    MutableClock clock;

    @Inject
    BannerSnapshots snapshots;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aDomainIsLiveFromItsFirstMillisecondUntilItsLast() {
        String host = BannerFixtures.host();
        Map<String, Object> domain = BannerFixtures.domain(host);
        domain.put("liveFrom", "2031-01-01T10:00"); // Europe/London in winter: UTC
        domain.put("liveUntil", "2031-01-02T10:00");
        BannerFixtures.operation("ACTIVE", Fixtures.operationBody(Fixtures.codeName()), List.of(domain), null);
        snapshots.refreshNow();
        Instant from = Instant.parse("2031-01-01T10:00:00Z");
        Instant until = Instant.parse("2031-01-02T10:00:00Z");
        clock.set(from.minusMillis(1));
        get(host, "/").then().statusCode(404);
        clock.set(from);
        get(host, "/").then().statusCode(200).body(containsString(MARKER));
        clock.set(until.minusMillis(1));
        get(host, "/").then().statusCode(200);
        clock.set(until);
        get(host, "/").then().statusCode(404);
        clock.set(until.plusSeconds(86_400));
        get(host, "/").then().statusCode(404);
    }

    @Test
    void approvedButNotYetActiveOperationsServeTheirBanners() {
        String host = BannerFixtures.host();
        BannerFixtures.operation(
                "APPROVED", Fixtures.operationBody(Fixtures.codeName()), List.of(BannerFixtures.domain(host)), null);
        snapshots.refreshNow();
        get(host, "/").then().statusCode(200).body(containsString(MARKER));
    }

    @Test
    void stagesCountDownAndThenReveal() {
        String host = BannerFixtures.host();
        Map<String, Object> banner =
                BannerFixtures.banner(Map.of("en", Map.of("headline", "Seized", "countdownLabel", "Next news in")));
        banner.put(
                "stages",
                List.of(
                        Map.of(
                                "revealAt",
                                "2031-03-01T12:00",
                                "texts",
                                Map.of("en", Map.of("title", "Stage one", "body", "Users identified"))),
                        Map.of(
                                "revealAt",
                                "2031-03-02T12:00",
                                "texts",
                                Map.of("en", Map.of("title", "Stage two", "body", "Arrests made")))));
        BannerFixtures.operation(
                "ACTIVE", Fixtures.operationBody(Fixtures.codeName()), List.of(BannerFixtures.domain(host)), banner);
        snapshots.refreshNow();
        Instant first = Instant.parse("2031-03-01T12:00:00Z");
        Instant second = Instant.parse("2031-03-02T12:00:00Z");

        clock.set(first.minusSeconds(90 * 60));
        get(host, "/")
                .then()
                .statusCode(200)
                .body(containsString("Next news in"))
                .body(containsString("<p class=\"remaining\" data-remaining>1h 30m</p>"))
                .body(containsString("datetime=\"2031-03-01T12:00:00Z\""))
                .body(containsString("/.seized/countdown.js"))
                .body(not(containsString("Stage one")));
        clock.set(first.minusSeconds(30 * 60));
        get(host, "/").then().body(containsString("data-remaining>0h 30m<"));
        clock.set(first.minusMillis(1));
        get(host, "/").then().body(not(containsString("Stage one"))).body(containsString("data-remaining>0h 0m<"));
        clock.set(first);
        get(host, "/")
                .then()
                .body(containsString("<h2>Stage one</h2>"))
                .body(containsString("Users identified"))
                .body(not(containsString("Stage two")))
                .body(containsString("datetime=\"2031-03-02T12:00:00Z\""));
        clock.set(second);
        get(host, "/")
                .then()
                .body(containsString("Stage one"))
                .body(containsString("Stage two"))
                .body(not(containsString("data-remaining")))
                .body(not(containsString("countdown.js")));
    }

    @Test
    void anOperationsZoneDecidesWhenLocalTimesHappen() {
        String host = BannerFixtures.host();
        Map<String, Object> operation = Fixtures.operationBody(Fixtures.codeName());
        operation.put("timezone", "Asia/Tokyo");
        Map<String, Object> domain = new HashMap<>(BannerFixtures.domain(host));
        domain.put("liveFrom", "2031-06-01T09:00");
        BannerFixtures.operation("ACTIVE", operation, List.of(domain), null);
        snapshots.refreshNow();
        clock.set(Instant.parse("2031-06-01T00:00:00Z").minusMillis(1));
        get(host, "/").then().statusCode(404);
        clock.set(Instant.parse("2031-06-01T00:00:00Z"));
        get(host, "/").then().statusCode(200);
    }
}
