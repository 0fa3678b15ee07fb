package org.takedown.operation;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.takedown.support.Fixtures.status;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.takedown.support.Api;
import org.takedown.support.Fixtures;

/** Approval arms persistent Quartz triggers; they fire on time and write their own audit rows. */
@QuarkusTest
public class ScheduledTransitionTest {

    @Test
    void anApprovedOperationActivatesAndEndsByItself() {
        Map<String, Object> body = Fixtures.operationBody(Fixtures.codeName());
        body.put("activateAt", Fixtures.localIn(2));
        body.put("endAt", Fixtures.localIn(5));
        long id = Fixtures.createOperation("officer1", body);
        Fixtures.move(id, "officer1", "submit");
        Fixtures.approve(id, "approver1");
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> "ACTIVE".equals(status(id)) || "ENDED".equals(status(id)));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> "ENDED".equals(status(id)));
        Api.as("viewer1")
                .queryParam("entityType", "operation")
                .queryParam("entityId", id)
                .queryParam("action", "OPERATION_ACTIVATED")
                .get("/api/audit")
                .then()
                .statusCode(200)
                .body("items[0].actor", equalTo("system:scheduler"));
        Api.as("viewer1")
                .queryParam("entityType", "operation")
                .queryParam("entityId", id)
                .queryParam("action", "OPERATION_ENDED")
                .get("/api/audit")
                .then()
                .statusCode(200)
                .body("items[0].actor", equalTo("system:scheduler"));
        Api.as("viewer1").get("/api/operations/{id}/schedule", id).then().body("size()", equalTo(0));
    }

    @Test
    void pausingDisarmsAndResumingRearms() {
        Map<String, Object> body = Fixtures.operationBody(Fixtures.codeName());
        body.put("activateAt", Fixtures.localIn(3600));
        long id = Fixtures.createOperation("officer1", body);
        Fixtures.move(id, "officer1", "submit");
        Fixtures.approve(id, "approver1");
        String at = Api.as("viewer1").get("/api/operations/{id}", id).path("activateAtUtc");
        Api.as("viewer1").get("/api/operations/{id}/schedule", id).then().body("ACTIVATE", equalTo(at));
        Fixtures.move(id, "officer1", "pause");
        Api.as("viewer1").get("/api/operations/{id}/schedule", id).then().body("size()", equalTo(0));
        Fixtures.move(id, "officer1", "resume");
        Api.as("viewer1").get("/api/operations/{id}/schedule", id).then().body("ACTIVATE", equalTo(at));
        Fixtures.move(id, "officer1", "cancel");
        Api.as("viewer1").get("/api/operations/{id}/schedule", id).then().body("size()", equalTo(0));
        assertEquals("CANCELLED", status(id));
    }

    @Test
    void localTimesAreEnteredInTheOperationsZoneAndStoredAsUtc() {
        Map<String, Object> body = Fixtures.operationBody(Fixtures.codeName());
        body.put("timezone", "America/New_York");
        body.put("activateAt", "2030-07-01T09:00");
        body.put("endAt", "2030-12-01T09:00:30");
        long id = Fixtures.createOperation("officer1", body);
        Api.as("viewer1")
                .get("/api/operations/{id}", id)
                .then()
                .body("activateAt", equalTo("2030-07-01T09:00:00"))
                .body("activateAtUtc", equalTo("2030-07-01T13:00:00Z"))
                .body("endAtUtc", equalTo("2030-12-01T14:00:30Z"));
    }
}
