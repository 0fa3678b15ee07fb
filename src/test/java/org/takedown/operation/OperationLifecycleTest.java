package org.takedown.operation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.takedown.support.Fixtures.REFERENCE;
import static org.takedown.support.Fixtures.status;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.takedown.support.Api;
import org.takedown.support.Fixtures;

@QuarkusTest
public class OperationLifecycleTest {

    /** The lifecycle as specified, written out independently of the code's transition table. */
    static final Map<String, Map<String, String>> LEGAL = Map.of(
            "DRAFT", Map.of("submit", "PENDING_APPROVAL", "cancel", "CANCELLED"),
            "PENDING_APPROVAL", Map.of("approve", "APPROVED", "reject", "DRAFT", "cancel", "CANCELLED"),
            "APPROVED", Map.of("activate", "ACTIVE", "pause", "PAUSED", "end", "ENDED", "cancel", "CANCELLED"),
            "ACTIVE", Map.of("pause", "PAUSED", "end", "ENDED"),
            "PAUSED", Map.of("resume", "ACTIVE", "end", "ENDED", "cancel", "CANCELLED"),
            "ENDED", Map.of(),
            "CANCELLED", Map.of());

    static final List<String> TRANSITIONS =
            List.of("submit", "approve", "reject", "activate", "pause", "resume", "end", "cancel");

    @Test
    void walksTheWholeLifecycle() {
        long id = Fixtures.createOperation("officer1");
        assertEquals("DRAFT", status(id));
        Fixtures.move(id, "officer1", "submit");
        Api.as("viewer1")
                .get("/api/operations/{id}", id)
                .then()
                .body("status", equalTo("PENDING_APPROVAL"))
                .body("submittedBy", equalTo("officer1"));
        Fixtures.approve(id, "approver1");
        Fixtures.move(id, "officer1", "activate");
        Api.as("approver1")
                .post("/api/operations/{id}/pause", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("PAUSED"))
                .body("pausedFrom", equalTo("ACTIVE"));
        Fixtures.move(id, "officer1", "resume");
        Api.as("viewer1")
                .get("/api/operations/{id}", id)
                .then()
                .body("status", equalTo("ACTIVE"))
                .body("pausedFrom", nullValue());
        Fixtures.move(id, "officer1", "end");
        assertEquals("ENDED", status(id));
    }

    @Test
    void resumeReturnsToTheStateItWasPausedFrom() {
        long id = Fixtures.operationIn("APPROVED").operation();
        Fixtures.move(id, "officer1", "pause");
        Fixtures.move(id, "officer1", "resume");
        assertEquals("APPROVED", status(id));
    }

    @TestFactory
    List<DynamicTest> everyTransitionFromEveryStateIsLegalOrA409() {
        return LEGAL.keySet().stream()
                .sorted()
                .flatMap(state -> TRANSITIONS.stream()
                        .map(transition -> DynamicTest.dynamicTest(state + " -> " + transition, () -> {
                            long id = Fixtures.operationIn(state).operation();
                            Response response = call(id, transition);
                            String expected = LEGAL.get(state).get(transition);
                            if (expected == null) {
                                response.then()
                                        .statusCode(409)
                                        .contentType("application/problem+json")
                                        .body("detail", containsString(state));
                                assertEquals(state, status(id), "an illegal transition changed the state");
                            } else {
                                response.then().statusCode(200).body("status", equalTo(expected));
                            }
                        })))
                .toList();
    }

    static Response call(long id, String transition) {
        return switch (transition) {
            case "approve" ->
                Api.as("approver1").body(Map.of("legalReference", REFERENCE)).post("/api/operations/{id}/approve", id);
            case "reject" ->
                Api.as("approver1")
                        .body(Map.of("reason", "Not enough evidence"))
                        .post("/api/operations/{id}/reject", id);
            default -> Api.as("officer1").post("/api/operations/{id}/" + transition, id);
        };
    }

    @TestFactory
    List<DynamicTest> publicEditsSendApprovedContentBackForApproval() {
        Map<String, Edit> edits = Map.of(
                "operation name",
                        (id, ids) -> Api.as("officer1")
                                .body(renamed(id))
                                .put("/api/operations/{id}", id)
                                .then()
                                .statusCode(200),
                "agency added", (id, ids) -> Fixtures.addAgency(id, "officer1"),
                "agency emblem",
                        (id, ids) -> Api.as("officer1")
                                .contentType("image/svg+xml")
                                .body(Fixtures.SVG.replace("r=\"4\"", "r=\"3\""))
                                .put("/api/operations/{id}/agencies/{a}/emblem", id, ids.agency())
                                .then()
                                .statusCode(200),
                "seized domain added", (id, ids) -> Fixtures.addSeizedDomain(id, "officer1"),
                "seized domain removed",
                        (id, ids) -> Api.as("officer1")
                                .delete("/api/operations/{id}/seized-domains/{d}", id, ids.domain())
                                .then()
                                .statusCode(204),
                "telegram target added", (id, ids) -> Fixtures.addTelegramTarget(id, "officer1"),
                "notice text changed",
                        (id, ids) -> Api.as("officer1")
                                .body(Fixtures.noticeBody("Changed title"))
                                .put("/api/operations/{id}/notices/{n}", id, ids.notice())
                                .then()
                                .statusCode(200));
        return edits.entrySet().stream()
                .flatMap(edit -> List.of("APPROVED", "ACTIVE", "PAUSED").stream()
                        .map(state -> DynamicTest.dynamicTest(edit.getKey() + " in " + state, () -> {
                            Fixtures.Ids ids = Fixtures.operationIn(state);
                            edit.getValue().apply(ids.operation(), ids);
                            Api.as("viewer1")
                                    .get("/api/operations/{id}", ids.operation())
                                    .then()
                                    .body("status", equalTo("PENDING_APPROVAL"))
                                    .body("changedSinceApproval", equalTo(true))
                                    .body("submittedBy", equalTo("officer1"));
                        })))
                .toList();
    }

    @Test
    void internalEditsKeepTheOperationRunning() {
        Fixtures.Ids ids = Fixtures.operationIn("ACTIVE");
        long id = ids.operation();
        Map<String, Object> body = Fixtures.operationBody(codeNameOf(id));
        body.put("name", Api.as("viewer1").get("/api/operations/{id}", id).path("name"));
        body.put("description", "Only the description changes");
        Api.as("officer1")
                .body(body)
                .put("/api/operations/{id}", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"));
        Fixtures.addWatchTarget(id, "officer1");
        Api.as("officer1")
                .delete("/api/operations/{id}/watch-targets/{w}", id, ids.watchTarget())
                .then()
                .statusCode(204);
        assertEquals("ACTIVE", status(id));
    }

    @Test
    void anEditSendingItBackDisarmsItsSchedule() {
        Map<String, Object> body = Fixtures.operationBody(Fixtures.codeName());
        body.put("activateAt", Fixtures.localIn(3600));
        body.put("endAt", Fixtures.localIn(7200));
        long id = Fixtures.createOperation("officer2", body);
        Fixtures.move(id, "officer2", "submit");
        Fixtures.approve(id, "approver1");
        Api.as("viewer1")
                .get("/api/operations/{id}/schedule", id)
                .then()
                .statusCode(200)
                .body(
                        "ACTIVATE",
                        equalTo(Api.as("viewer1")
                                .get("/api/operations/{id}", id)
                                .path("activateAtUtc")))
                .body(
                        "END",
                        equalTo(Api.as("viewer1")
                                .get("/api/operations/{id}", id)
                                .path("endAtUtc")));
        Fixtures.addSeizedDomain(id, "officer1");
        assertEquals("PENDING_APPROVAL", status(id));
        Api.as("viewer1")
                .get("/api/operations/{id}/schedule", id)
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void nothingChangesOnceAnOperationIsOver() {
        for (String state : List.of("ENDED", "CANCELLED")) {
            Fixtures.Ids ids = Fixtures.operationIn(state);
            long id = ids.operation();
            Api.as("officer1")
                    .body(renamed(id))
                    .put("/api/operations/{id}", id)
                    .then()
                    .statusCode(409);
            Api.as("officer1")
                    .body(Map.of("hostname", "late.example"))
                    .post("/api/operations/{id}/seized-domains", id)
                    .then()
                    .statusCode(409);
            Api.as("officer1")
                    .delete("/api/operations/{id}/notices/{n}", id, ids.notice())
                    .then()
                    .statusCode(409);
            Api.as("officer1")
                    .body(Map.of("kind", "DOMAIN", "value", "late.example"))
                    .post("/api/operations/{id}/watch-targets", id)
                    .then()
                    .statusCode(409);
            assertEquals(state, status(id));
        }
    }

    static Map<String, Object> renamed(long id) {
        Map<String, Object> body = Fixtures.operationBody(codeNameOf(id));
        body.put("name", "Renamed " + Fixtures.unique());
        return body;
    }

    static String codeNameOf(long id) {
        return Api.as("viewer1").get("/api/operations/{id}", id).path("codeName");
    }

    @FunctionalInterface
    interface Edit {
        void apply(long operationId, Fixtures.Ids ids);
    }
}
