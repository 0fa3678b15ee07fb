package org.takedown.logging;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.takedown.support.Api;
import org.takedown.support.Fixtures;

/** What is logged while an officer request is handled names the request, the officer and the operation. */
@QuarkusTest
class RequestLogContextTest {

    private final List<ExtLogRecord> audit = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            ExtLogRecord ext = (ExtLogRecord) record;
            ext.copyAll(); // the log context of the thread that logged, not of the test's
            audit.add(ext);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void listen() {
        Logger.getLogger("org.takedown.audit").addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger("org.takedown.audit").removeHandler(capture);
    }

    @Test
    void auditLinesCarryTheRequestIdTheActorAndTheOperation() {
        long operation = Api.as("officer1")
                .header("X-Request-Id", "ingress-4711.a:b")
                .body(Fixtures.operationBody(Fixtures.codeName()))
                .post("/api/operations")
                .then()
                .statusCode(201)
                .header("X-Request-Id", "ingress-4711.a:b")
                .extract()
                .jsonPath()
                .getLong("id");
        Map<String, String> created = mdcOf("OPERATION_CREATED");
        assertEquals("ingress-4711.a:b", created.get("requestId"));
        assertEquals("officer1", created.get("actor"));
        assertNull(created.get("operationId"), "no operation in the path of a create");

        audit.clear();
        String id = Api.as("officer2")
                .body(Map.of(
                        "name",
                        "Agency " + Fixtures.unique(),
                        "website",
                        "https://agency.example.org",
                        "displayOrder",
                        1))
                .post("/api/operations/{id}/agencies", operation)
                .then()
                .statusCode(201)
                .extract()
                .header("X-Request-Id");
        Map<String, String> agency = audit.stream().findFirst().orElseThrow().getMdcCopy();
        assertEquals(id, agency.get("requestId"), "a request without an id gets one, logged and answered");
        assertEquals("officer2", agency.get("actor"));
        assertEquals(Long.toString(operation), agency.get("operationId"));
    }

    @Test
    void consoleActionsAreLoggedWithTheirOperation() {
        long operation = Fixtures.createOperation("officer1");
        audit.clear();
        org.takedown.support.ConsoleSession officer = org.takedown.support.ConsoleSession.signIn("officer1");
        audit.clear();
        officer.htmx()
                .formParam("transition", "SUBMIT")
                .post("/console/operations/{id}/move", operation)
                .then()
                .statusCode(200);
        Map<String, String> submitted = mdcOf("OPERATION_SUBMITTED");
        assertEquals("officer1", submitted.get("actor"));
        assertEquals(Long.toString(operation), submitted.get("operationId"));
    }

    @Test
    void aMalformedRequestIdIsReplaced() {
        Api.as("viewer1")
                .header("X-Request-Id", "forged id\" actor=admin")
                .get("/api/operations")
                .then()
                .statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        Api.as("viewer1")
                .header("X-Request-Id", "x".repeat(65))
                .get("/api/operations")
                .then()
                .statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        Api.as("viewer1")
                .header("X-Request-Id", "x".repeat(64))
                .get("/api/operations")
                .then()
                .statusCode(200)
                .header("X-Request-Id", equalTo("x".repeat(64)));
    }

    private Map<String, String> mdcOf(String action) {
        return audit.stream()
                .filter(r -> r.getFormattedMessage().contains("action=" + action))
                .findFirst()
                .orElseThrow()
                .getMdcCopy();
    }
}
