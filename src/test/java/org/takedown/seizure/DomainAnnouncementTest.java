package org.takedown.seizure;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.takedown.common.OneShotTriggers;
import org.takedown.support.Api;
import org.takedown.support.Fixtures;

/** Go-live and retirement triggers announce what the clock already decides: state, audit row, log. */
@QuarkusTest
public class DomainAnnouncementTest {

    @Inject
    OneShotTriggers triggers;

    @Inject
    BannerSnapshots snapshots;

    static String state(long operation) {
        return Api.as("viewer1")
                .get("/api/operations/{id}/seized-domains", operation)
                .jsonPath()
                .getString("items[0].state");
    }

    @Test
    void goLiveAndRetirementAreAnnouncedAndAudited() {
        String host = BannerFixtures.host();
        Map<String, Object> domain = BannerFixtures.domain(host);
        domain.put("liveUntil", Fixtures.localIn(4));
        long operation =
                BannerFixtures.operation("ACTIVE", Fixtures.operationBody(Fixtures.codeName()), List.of(domain), null);
        long domainId = Api.as("viewer1")
                .get("/api/operations/{id}/seized-domains", operation)
                .jsonPath()
                .getLong("items[0].id");
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> !"SCHEDULED".equals(state(operation)));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> "RETIRED".equals(state(operation)));
        List<String> actions = Api.as("viewer1")
                .queryParam("entityType", "seized_domain")
                .queryParam("entityId", domainId)
                .get("/api/audit")
                .jsonPath()
                .getList("items.action");
        assertEquals(List.of("SEIZED_DOMAIN_RETIRED", "SEIZED_DOMAIN_LIVE", "SEIZED_DOMAIN_ADDED"), actions);
        Api.as("viewer1")
                .queryParam("entityType", "seized_domain")
                .queryParam("entityId", domainId)
                .queryParam("action", "SEIZED_DOMAIN_LIVE")
                .get("/api/audit")
                .then()
                .body("items[0].actor", equalTo("system:scheduler"));
        snapshots.refreshNow();
        BannerFixtures.get(host, "/").then().statusCode(404);
    }

    @Test
    void leavingApprovalDisarmsTheAnnouncements() {
        String host = BannerFixtures.host();
        Map<String, Object> domain = BannerFixtures.domain(host);
        domain.put("liveFrom", Fixtures.localIn(3600));
        domain.put("liveUntil", Fixtures.localIn(7200));
        long operation =
                BannerFixtures.operation("ACTIVE", Fixtures.operationBody(Fixtures.codeName()), List.of(domain), null);
        long domainId = Api.as("viewer1")
                .get("/api/operations/{id}/seized-domains", operation)
                .jsonPath()
                .getLong("items[0].id");
        assertTrue(triggers.nextFire(SeizedDomainSchedule.key(domainId, DomainState.LIVE))
                .isPresent());
        assertTrue(triggers.nextFire(SeizedDomainSchedule.key(domainId, DomainState.RETIRED))
                .isPresent());
        Fixtures.move(operation, "officer1", "pause");
        assertTrue(triggers.nextFire(SeizedDomainSchedule.key(domainId, DomainState.LIVE))
                .isEmpty());
        assertTrue(triggers.nextFire(SeizedDomainSchedule.key(domainId, DomainState.RETIRED))
                .isEmpty());
        Fixtures.move(operation, "officer1", "resume");
        assertTrue(triggers.nextFire(SeizedDomainSchedule.key(domainId, DomainState.LIVE))
                .isPresent());
        Api.as("officer1")
                .delete("/api/operations/{id}/seized-domains/{d}", operation, domainId)
                .then()
                .statusCode(204);
        assertTrue(triggers.nextFire(SeizedDomainSchedule.key(domainId, DomainState.LIVE))
                .isEmpty());
    }
}
