package org.takedown.operation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.takedown.support.Fixtures.REFERENCE;
import static org.takedown.support.Fixtures.status;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.takedown.common.DeterministicJson;
import org.takedown.support.Api;
import org.takedown.support.Fixtures;

@QuarkusTest
public class FourEyesTest {

    @Test
    void theSubmitterCannotApprove() {
        long id = Fixtures.createOperation("officer2");
        Fixtures.move(id, "dual", "submit");
        Api.as("dual")
                .body(Map.of("legalReference", REFERENCE))
                .post("/api/operations/{id}/approve", id)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("Four-eyes"));
        assertEquals("PENDING_APPROVAL", status(id));
    }

    @Test
    void anyoneWhoChangedTheContentCannotApprove() {
        long id = Fixtures.createOperation("officer1");
        Fixtures.addAgency(id, "dual");
        Fixtures.move(id, "officer1", "submit");
        Api.as("viewer1").get("/api/operations/{id}", id).then().body("contentAuthors", hasItem("dual"));
        Api.as("dual")
                .body(Map.of("legalReference", REFERENCE))
                .post("/api/operations/{id}/approve", id)
                .then()
                .statusCode(403);
        Fixtures.approve(id, "approver1");
    }

    @Test
    void onlyApproversApprove() {
        long id = Fixtures.createOperation("officer1");
        Fixtures.move(id, "officer1", "submit");
        for (String user : new String[] {"officer2", "viewer1", "admin1"}) {
            Api.as(user)
                    .body(Map.of("legalReference", REFERENCE))
                    .post("/api/operations/{id}/approve", id)
                    .then()
                    .statusCode(403);
        }
        assertEquals("PENDING_APPROVAL", status(id));
    }

    @Test
    void theApproverMustQuoteTheLegalAuthorityReference() {
        long id = Fixtures.createOperation("officer1");
        Fixtures.move(id, "officer1", "submit");
        Api.as("approver1")
                .body(Map.of("legalReference", "WARRANT/TEST/9999"))
                .post("/api/operations/{id}/approve", id)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("legalReference"));
        Api.as("approver1")
                .body(Map.of())
                .post("/api/operations/{id}/approve", id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("legalReference"));
        assertEquals("PENDING_APPROVAL", status(id));
        Api.as("approver1")
                .body(Map.of("legalReference", "  " + REFERENCE.toLowerCase() + " "))
                .post("/api/operations/{id}/approve", id)
                .then()
                .statusCode(200);
    }

    @Test
    void anApprovalOfStaleContentIsRefused() {
        long id = Fixtures.createOperation("officer1");
        Fixtures.move(id, "officer1", "submit");
        String reviewed =
                Api.as("approver1").get("/api/operations/{id}/content", id).path("sha256");
        Fixtures.addSeizedDomain(id, "officer2");
        Api.as("approver1")
                .body(Map.of("legalReference", REFERENCE, "contentHash", reviewed))
                .post("/api/operations/{id}/approve", id)
                .then()
                .statusCode(409);
        String current =
                Api.as("approver1").get("/api/operations/{id}/content", id).path("sha256");
        Api.as("approver1")
                .body(Map.of("legalReference", REFERENCE, "contentHash", current))
                .post("/api/operations/{id}/approve", id)
                .then()
                .statusCode(200)
                .body("approvedContentHash", equalTo(current));
    }

    @Test
    void theApprovalRecordsWhoWhenAndAHashOfExactlyTheApprovedContent() {
        Fixtures.Ids ids = Fixtures.operationIn("PENDING_APPROVAL");
        long id = ids.operation();
        JsonPath content = Api.as("approver1")
                .get("/api/operations/{id}/content", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Fixtures.approve(id, "approver1");
        JsonPath operation = Api.as("viewer1").get("/api/operations/{id}", id).jsonPath();
        assertEquals(content.getString("sha256"), operation.getString("approvedContentHash"));
        long decisionId = Api.as("viewer1")
                .get("/api/operations/{id}/approvals", id)
                .then()
                .statusCode(200)
                .body("[0].decision", equalTo("APPROVED"))
                .body("[0].decidedBy", equalTo("approver1"))
                .body("[0].decidedAt", notNullValue())
                .body("[0].legalReference", equalTo(REFERENCE))
                .extract()
                .jsonPath()
                .getLong("[0].id");
        String approvedJson = Api.as("viewer1")
                .get("/api/operations/{id}/approvals/{d}", id, decisionId)
                .path("content");
        assertEquals(
                operation.getString("approvedContentHash"),
                DeterministicJson.sha256Hex(approvedJson),
                "the recorded hash is the SHA-256 of the recorded content");
        JsonPath approved = new JsonPath(approvedJson);
        assertEquals(1, approved.getList("seizedDomains").size());
        assertEquals(REFERENCE, approved.getString("operation.legalAuthorityReference"));
    }

    @Test
    void rejectionNeedsAReasonAndReturnsTheOperationToDraft() {
        long id = Fixtures.createOperation("officer1");
        Fixtures.move(id, "officer1", "submit");
        Api.as("approver1")
                .body(Map.of())
                .post("/api/operations/{id}/reject", id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        Api.as("approver1")
                .body(Map.of("reason", "Warrant does not cover the second domain"))
                .post("/api/operations/{id}/reject", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("DRAFT"));
        Api.as("viewer1")
                .get("/api/operations/{id}/approvals", id)
                .then()
                .body("[0].decision", equalTo("REJECTED"))
                .body("[0].reason", equalTo("Warrant does not cover the second domain"));
    }

    @Test
    void approvalClearsTheAuthorsSoALaterEditorIsTheOnlyNewAuthor() {
        Fixtures.Ids ids = Fixtures.operationIn("ACTIVE");
        long id = ids.operation();
        Fixtures.addTelegramTarget(id, "dual");
        Api.as("viewer1")
                .get("/api/operations/{id}", id)
                .then()
                .body("status", equalTo("PENDING_APPROVAL"))
                .body("contentAuthors", equalTo(java.util.List.of("dual")));
        Api.as("dual")
                .body(Map.of("legalReference", REFERENCE))
                .post("/api/operations/{id}/approve", id)
                .then()
                .statusCode(403);
        Fixtures.approve(id, "approver1");
    }
}
