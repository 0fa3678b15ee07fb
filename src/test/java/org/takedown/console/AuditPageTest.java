package org.takedown.console;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.takedown.support.ConsoleSession;
import org.takedown.support.Fixtures;

/** The audit log viewer: filters, and the chain's verification. */
@QuarkusTest
class AuditPageTest {

    @Test
    void entriesAreFilteredByOperationAndActionAndTheChainVerifies() {
        long op = Fixtures.createOperation("officer2");
        Fixtures.move(op, "officer2", "submit");
        ConsoleSession viewer = ConsoleSession.signIn("viewer1");
        String page = viewer.request()
                .queryParam("operationId", op)
                .get("/console/audit")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(page.contains("OPERATION_CREATED") && page.contains("OPERATION_SUBMITTED"), page);
        viewer.request()
                .queryParam("operationId", op)
                .queryParam("action", "OPERATION_SUBMITTED")
                .get("/console/audit")
                .then()
                .statusCode(200)
                .body(containsString("OPERATION_SUBMITTED"))
                .body(not(containsString("OPERATION_CREATED")));
        viewer.request()
                .get("/console/audit/chain")
                .then()
                .statusCode(200)
                .body(containsString("<strong>Valid</strong>"));
    }

    @Test
    void aBadDateIsShownAtItsFieldAndNothingBreaks() {
        ConsoleSession viewer = ConsoleSession.signIn("viewer1");
        viewer.request()
                .queryParam("from", "yesterday")
                .queryParam("operationId", "x")
                .get("/console/audit")
                .then()
                .statusCode(200)
                .body(containsString("id=\"audit-from-error\""))
                .body(containsString("id=\"audit-operationId-error\""))
                .body(containsString("value=\"yesterday\""));
    }
}
