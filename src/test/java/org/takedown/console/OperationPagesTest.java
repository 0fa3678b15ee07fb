package org.takedown.console;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.takedown.support.Api;
import org.takedown.support.ConsoleSession;
import org.takedown.support.Fixtures;

/** Operations in the console: create, edit details, move through states, approve with four eyes; errors by field. */
@QuarkusTest
class OperationPagesTest {

    static Map<String, String> form(String codeName) {
        Map<String, String> form = new HashMap<>();
        form.put("name", "Operation " + codeName);
        form.put("codeName", codeName);
        form.put("description", "Created in the console");
        form.put("timezone", Fixtures.ZONE);
        form.put("legalAuthority.type", "WARRANT");
        form.put("legalAuthority.reference", Fixtures.REFERENCE);
        form.put("legalAuthority.issuedBy", "Test Magistrates' Court");
        form.put("legalAuthority.issuedOn", LocalDate.now().minusDays(2).toString());
        return form;
    }

    static long create(ConsoleSession officer, String codeName) {
        return create(officer, codeName, form(codeName));
    }

    static long create(ConsoleSession officer, String codeName, Map<String, String> form) {
        Response created = officer.htmx().formParams(form).post("/console/operations/new");
        assertEquals(204, created.statusCode(), created.asString());
        String location = created.getHeader("HX-Redirect");
        assertTrue(location.matches("/console/operations/[0-9]+"), location);
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void anOfficerCreatesAnOperationThroughTheFormAndTheApiSeesIt() {
        ConsoleSession officer = ConsoleSession.signIn("officer1");
        String code = Fixtures.codeName();
        long id = create(officer, code);
        Api.as("viewer1")
                .get("/api/operations/{id}", id)
                .then()
                .statusCode(200)
                .body("codeName", equalTo(code))
                .body("status", equalTo("DRAFT"))
                .body("createdBy", equalTo("officer1"))
                .body("legalAuthority.reference", equalTo(Fixtures.REFERENCE));
        officer.request()
                .get("/console/operations/{id}", id)
                .then()
                .statusCode(200)
                .body(containsString(code))
                .body(containsString("Submit for approval"));
        officer.request().get("/console/operations").then().statusCode(200).body(containsString(code));
    }

    @Test
    void invalidFieldsComeBackNextToTheirFieldsAndNothingIsCreated() {
        ConsoleSession officer = ConsoleSession.signIn("officer1");
        long before = Api.as("viewer1").get("/api/operations").jsonPath().getLong("total");
        Map<String, String> bad = form("lower-case");
        bad.put("legalAuthority.issuedOn", "31/12/2026");
        bad.put("timezone", "Mars/Olympus");
        bad.put("name", "");
        Response refused = officer.htmx().formParams(bad).post("/console/operations/new");
        assertEquals(422, refused.statusCode());
        String page = refused.asString();
        for (String field : new String[] {"new-codeName", "new-legalAuthority.issuedOn", "new-timezone", "new-name"}) {
            assertTrue(page.contains("id=\"" + field + "-error\""), "error shown next to " + field);
            assertTrue(page.contains("aria-describedby=\"" + field + "-error"), "error tied to " + field);
        }
        assertTrue(page.contains("must be a date such as 2026-11-30"));
        assertTrue(page.contains("value=\"Mars/Olympus\""), "what the officer typed is kept");
        assertEquals(before, Api.as("viewer1").get("/api/operations").jsonPath().getLong("total"));
    }

    @Test
    void detailsAreSavedAndAnUnknownMoveIsRefused() {
        ConsoleSession officer = ConsoleSession.signIn("officer1");
        long id = create(officer, Fixtures.codeName());
        Map<String, String> changed = form(Fixtures.codeName());
        changed.put("name", "Renamed in the console");
        officer.htmx()
                .formParams(changed)
                .post("/console/operations/{id}/details", id)
                .then()
                .statusCode(200)
                .body(containsString("Saved."))
                .header("HX-Trigger", "operation-changed");
        Api.as("viewer1").get("/api/operations/{id}", id).then().body("name", equalTo("Renamed in the console"));

        officer.htmx()
                .formParam("transition", "APPROVE")
                .post("/console/operations/{id}/move", id)
                .then()
                .statusCode(422)
                .body(containsString("That move is not offered here."));
        officer.htmx()
                .formParam("transition", "ACTIVATE")
                .post("/console/operations/{id}/move", id)
                .then()
                .statusCode(422)
                .body(containsString("Cannot activate an operation that is DRAFT"));
        officer.htmx()
                .formParam("transition", "SUBMIT")
                .formParam("reason", "x".repeat(2001))
                .post("/console/operations/{id}/move", id)
                .then()
                .statusCode(422)
                .body(containsString("id=\"move-reason-error\""));
        Api.as("viewer1").get("/api/operations/{id}", id).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void aViewerSeesNoFormsAndTheServerRefusesTheirPosts() {
        long id = Fixtures.createOperation("officer1");
        ConsoleSession viewer = ConsoleSession.signIn("viewer1");
        String page = viewer.request()
                .get("/console/operations/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertFalse(page.contains("hx-post=\"/console/operations/"), "no form for a viewer");
        assertFalse(page.contains("New operation"));
        viewer.htmx()
                .formParams(form(Fixtures.codeName()))
                .post("/console/operations/{id}/details", id)
                .then()
                .statusCode(403);
        viewer.htmx()
                .formParam("transition", "SUBMIT")
                .post("/console/operations/{id}/move", id)
                .then()
                .statusCode(403);
        viewer.htmx()
                .formParams(form(Fixtures.codeName()))
                .post("/console/operations/new")
                .then()
                .statusCode(403);
        viewer.request().get("/console/operations/new").then().statusCode(403);
    }

    @Test
    void submittedByOneOfficerApprovedByAnotherWithTheLegalReference() {
        ConsoleSession officer = ConsoleSession.signIn("officer1");
        long id = create(officer, Fixtures.codeName());
        officer.htmx()
                .formParam("transition", "SUBMIT")
                .post("/console/operations/{id}/move", id)
                .then()
                .statusCode(200)
                .body(containsString("Pending approval"));

        ConsoleSession approver = ConsoleSession.signIn("approver2");
        approver.request()
                .get("/console/approvals")
                .then()
                .statusCode(200)
                .body(containsString("/console/approvals/" + id));
        String review = approver.request()
                .get("/console/approvals/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(review.contains("never approved before"));
        assertTrue(review.contains("operation.legalAuthorityReference"), "the content to approve, field by field");
        String hash = Api.as("viewer1")
                .get("/api/operations/{id}/content", id)
                .jsonPath()
                .getString("sha256");
        assertTrue(review.contains(hash));

        approver.htmx()
                .formParam("legalReference", "WARRANT/OTHER")
                .formParam("contentHash", hash)
                .post("/console/approvals/{id}/approve", id)
                .then()
                .statusCode(422)
                .body(containsString("id=\"approve-legalReference-error\""));
        approver.htmx()
                .formParam("legalReference", Fixtures.REFERENCE.toLowerCase())
                .formParam("contentHash", hash)
                .post("/console/approvals/{id}/approve", id)
                .then()
                .statusCode(204)
                .header("HX-Redirect", "/console/operations/" + id);
        Api.as("viewer1").get("/api/operations/{id}", id).then().body("status", equalTo("APPROVED"));
    }

    @Test
    void whoeverChangedTheContentCannotApproveItInThePageOrOnTheServer() {
        ConsoleSession dual = ConsoleSession.signIn("dual");
        long id = create(dual, Fixtures.codeName());
        dual.htmx()
                .formParam("transition", "SUBMIT")
                .post("/console/operations/{id}/move", id)
                .then()
                .statusCode(200);
        String review = dual.request()
                .get("/console/approvals/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(review.contains("Four-eyes rule"));
        assertFalse(review.contains("/approve\""), "no approve form for the author");
        String hash = Api.as("viewer1")
                .get("/api/operations/{id}/content", id)
                .jsonPath()
                .getString("sha256");
        dual.htmx()
                .formParam("legalReference", Fixtures.REFERENCE)
                .formParam("contentHash", hash)
                .post("/console/approvals/{id}/approve", id)
                .then()
                .statusCode(422)
                .body(containsString("Four-eyes rule"));
        Api.as("viewer1").get("/api/operations/{id}", id).then().body("status", equalTo("PENDING_APPROVAL"));
    }

    @Test
    void theApproverSeesWhatChangedSinceTheLastApproval() {
        long id = Fixtures.createOperation("officer1");
        Fixtures.move(id, "officer1", "submit");
        Fixtures.approve(id, "approver2");
        ConsoleSession officer = ConsoleSession.signIn("officer2");
        Map<String, String> changed = form(
                Api.as("viewer1").get("/api/operations/{id}", id).jsonPath().getString("codeName"));
        changed.put("name", "A new public name");
        changed.put(
                "legalAuthority.issuedOn",
                Api.as("viewer1").get("/api/operations/{id}", id).jsonPath().getString("legalAuthority.issuedOn"));
        officer.htmx()
                .formParams(changed)
                .post("/console/operations/{id}/details", id)
                .then()
                .statusCode(200);
        Api.as("viewer1").get("/api/operations/{id}", id).then().body("status", equalTo("PENDING_APPROVAL"));

        ConsoleSession approver = ConsoleSession.signIn("approver1");
        approver.request()
                .get("/console/approvals/{id}", id)
                .then()
                .statusCode(200)
                .body(containsString("What changed since the last approval"))
                .body(containsString("<code>operation.name</code>"))
                .body(containsString("A new public name"))
                .body(not(containsString("<code>operation.codeName</code>")));
    }
}
