package org.takedown.operation;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.takedown.support.Api;

@QuarkusTest
public class KillSwitchTest {

    @Inject
    KillSwitchService killSwitch;

    @AfterEach
    void release() {
        Api.as("admin1")
                .body(Map.of("engaged", false))
                .put("/api/kill-switch")
                .then()
                .statusCode(200);
    }

    @Test
    void anAdminStopsEverythingInOneCallAndItIsVisibleAndAudited() {
        Api.as("admin1")
                .body(Map.of("engaged", true, "includeBanners", true, "reason", "Wrong domain seized"))
                .put("/api/kill-switch")
                .then()
                .statusCode(200)
                .body("engaged", equalTo(true))
                .body("sendingStopped", equalTo(true))
                .body("bannersStopped", equalTo(true))
                .body("changedBy", equalTo("admin1"))
                .body("changedAt", notNullValue());
        Api.as("viewer1")
                .get("/api/kill-switch")
                .then()
                .statusCode(200)
                .body("engaged", equalTo(true))
                .body("reason", equalTo("Wrong domain seized"));
        org.junit.jupiter.api.Assertions.assertTrue(killSwitch.sendingStopped());
        org.junit.jupiter.api.Assertions.assertTrue(killSwitch.bannersStopped());
        Api.as("viewer1")
                .queryParam("entityType", "kill_switch")
                .get("/api/audit")
                .then()
                .body("items[0].action", equalTo("KILL_SWITCH_ENGAGED"))
                .body("items[0].actor", equalTo("admin1"));
    }

    @Test
    void bannersStayUpUnlessIncluded() {
        Api.as("admin1")
                .body(Map.of("engaged", true, "reason", "Pause all sending"))
                .put("/api/kill-switch")
                .then()
                .statusCode(200)
                .body("sendingStopped", equalTo(true))
                .body("bannersStopped", equalTo(false));
        org.junit.jupiter.api.Assertions.assertFalse(killSwitch.bannersStopped());
    }

    @Test
    void engagingNeedsAReasonAndAnAdmin() {
        Api.as("admin1")
                .body(Map.of("engaged", true))
                .put("/api/kill-switch")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        for (String user : new String[] {"officer1", "approver1", "viewer1"}) {
            Api.as(user)
                    .body(Map.of("engaged", true, "reason", "x"))
                    .put("/api/kill-switch")
                    .then()
                    .statusCode(403);
        }
        Api.anonymous()
                .body(Map.of("engaged", true, "reason", "x"))
                .put("/api/kill-switch")
                .then()
                .statusCode(401);
        Api.as("viewer1").get("/api/kill-switch").then().body("engaged", equalTo(false));
    }
}
