package org.takedown.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.takedown.support.Api;
import org.takedown.support.RawHttp;

/** Requests HTTP itself refuses get a plain 400 like any malformed request, and log no ERROR. */
@QuarkusTest
class MalformedRequestTest {

    private static final int PORT = Integer.getInteger("quarkus.http.test-port", 8081);

    @Test
    void anObsoleteFoldedHeaderIsAPlain400WithoutAnErrorLine() {
        List<LogRecord> errors = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    errors.add(record);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        try {
            for (String host : List.of("localhost", "seized.example")) {
                // The Host header folded onto a second line (obs-fold, RFC 9112 section 5.2): the Host cannot be read.
                String response = RawHttp.send(
                        PORT,
                        "GET /api/me HTTP/1.1\r\nHost: " + host + "\r\n\tfolded\r\n" + "Authorization: Basic "
                                + Api.basic("viewer1") + "\r\nConnection: close\r\n\r\n");
                assertEquals(400, RawHttp.status(response), response);
                assertFalse(response.toLowerCase().contains("<html"), "no default error page: " + response);
                assertFalse(
                        response.contains("Error id") || response.contains("stack") || response.contains("Exception"),
                        response);
            }
        } finally {
            root.removeHandler(handler);
        }
        assertTrue(
                errors.isEmpty(),
                "no ERROR logged: " + errors.stream().map(LogRecord::getMessage).toList());
    }

    @Test
    void anOfficerWithoutTheApproverRoleGetsAProblemDocument() {
        long id = org.takedown.support.Fixtures.operationIn("PENDING_APPROVAL").operation();
        Api.as("officer1")
                .body(java.util.Map.of("legalReference", org.takedown.support.Fixtures.REFERENCE))
                .post("/api/operations/{id}/approve", id)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("status", org.hamcrest.Matchers.equalTo(403));
    }
}
