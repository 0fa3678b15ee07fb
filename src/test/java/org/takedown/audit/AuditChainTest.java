package org.takedown.audit;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.takedown.support.Api;
import org.takedown.support.Fixtures;

@QuarkusTest
public class AuditChainTest {

    @Inject
    protected AgroalDataSource dataSource;

    static long lastSeq() {
        return Api.as("viewer1").get("/api/audit?size=1").jsonPath().getLong("items[0].seq");
    }

    /**
     * Actions recorded after {@code seq} by callers of the API. Triggers armed by earlier tests (a seized domain going
     * live) may write their own rows meanwhile; those are the scheduler's, not a call's.
     */
    static List<String> actionsSince(long seq) {
        JsonPath page = Api.as("viewer1").get("/api/audit?size=200").jsonPath();
        List<String> actions = new ArrayList<>();
        List<Map<String, Object>> items = page.getList("items");
        for (Map<String, Object> item : items) {
            if (((Number) item.get("seq")).longValue() > seq && !"system:scheduler".equals(item.get("actor"))) {
                actions.add((String) item.get("action"));
            }
        }
        Collections.reverse(actions);
        return actions;
    }

    @Test
    void everyStateChangingCallWritesExactlyOneRowAndRefusedCallsNone() {
        long before = lastSeq();
        List<String> expected = new ArrayList<>();
        long id = Fixtures.createOperation("officer1");
        expected.add("OPERATION_CREATED");
        Api.as("officer1")
                .body(Fixtures.operationBody(
                        Api.as("viewer1").get("/api/operations/{id}", id).path("codeName")))
                .put("/api/operations/{id}", id)
                .then()
                .statusCode(200);
        expected.add("OPERATION_UPDATED");
        long agency = Fixtures.addAgency(id, "officer1");
        expected.add("AGENCY_ADDED");
        Api.as("officer1")
                .body(Map.of("name", "Renamed agency", "displayOrder", 5))
                .put("/api/operations/{id}/agencies/{a}", id, agency)
                .then()
                .statusCode(200);
        expected.add("AGENCY_UPDATED");
        Fixtures.setEmblem(id, agency, "officer1");
        expected.add("AGENCY_EMBLEM_SET");
        long domain = Fixtures.addSeizedDomain(id, "officer1");
        expected.add("SEIZED_DOMAIN_ADDED");
        Api.as("officer1")
                .body(Map.of("hostname", "renamed-" + Fixtures.unique() + ".example", "liveFrom", "2030-01-01T00:00"))
                .put("/api/operations/{id}/seized-domains/{d}", id, domain)
                .then()
                .statusCode(200);
        expected.add("SEIZED_DOMAIN_UPDATED");
        long target = Fixtures.addTelegramTarget(id, "officer1");
        expected.add("TELEGRAM_TARGET_ADDED");
        Api.as("officer1")
                .body(Map.of("chat", "-1001234567890", "title", "Group"))
                .put("/api/operations/{id}/telegram-targets/{t}", id, target)
                .then()
                .statusCode(200);
        expected.add("TELEGRAM_TARGET_UPDATED");
        long notice = Fixtures.addNotice(id, "officer1");
        expected.add("NOTICE_ADDED");
        Api.as("officer1")
                .body(Fixtures.noticeBody("Changed"))
                .put("/api/operations/{id}/notices/{n}", id, notice)
                .then()
                .statusCode(200);
        expected.add("NOTICE_UPDATED");
        long watch = Fixtures.addWatchTarget(id, "officer1");
        expected.add("WATCH_TARGET_ADDED");
        Api.as("officer1")
                .body(Map.of("kind", "DOMAIN", "value", "fraud-" + Fixtures.unique() + ".example"))
                .put("/api/operations/{id}/watch-targets/{w}", id, watch)
                .then()
                .statusCode(200);
        expected.add("WATCH_TARGET_UPDATED");
        Api.as("officer1")
                .delete("/api/operations/{id}/watch-targets/{w}", id, watch)
                .then()
                .statusCode(204);
        expected.add("WATCH_TARGET_REMOVED");
        Api.as("officer1")
                .delete("/api/operations/{id}/notices/{n}", id, notice)
                .then()
                .statusCode(204);
        expected.add("NOTICE_REMOVED");
        Api.as("officer1")
                .delete("/api/operations/{id}/telegram-targets/{t}", id, target)
                .then()
                .statusCode(204);
        expected.add("TELEGRAM_TARGET_REMOVED");
        Api.as("officer1")
                .delete("/api/operations/{id}/seized-domains/{d}", id, domain)
                .then()
                .statusCode(204);
        expected.add("SEIZED_DOMAIN_REMOVED");
        Api.as("officer1")
                .delete("/api/operations/{id}/agencies/{a}", id, agency)
                .then()
                .statusCode(204);
        expected.add("AGENCY_REMOVED");
        for (String step : List.of("submit", "reject", "submit", "approve", "activate", "pause", "resume", "end")) {
            switch (step) {
                case "approve" -> Fixtures.approve(id, "approver1");
                case "reject" ->
                    Api.as("approver1")
                            .body(Map.of("reason", "Incomplete"))
                            .post("/api/operations/{id}/reject", id)
                            .then()
                            .statusCode(200);
                default -> Fixtures.move(id, "officer1", step);
            }
            expected.add("OPERATION_"
                    + switch (step) {
                        case "submit" -> "SUBMITTED";
                        case "reject" -> "REJECTED";
                        case "approve" -> "APPROVED";
                        case "activate" -> "ACTIVATED";
                        case "pause" -> "PAUSED";
                        case "resume" -> "RESUMED";
                        default -> "ENDED";
                    });
        }
        Api.as("admin1")
                .body(Map.of("engaged", true, "reason", "Audit test"))
                .put("/api/kill-switch")
                .then()
                .statusCode(200);
        expected.add("KILL_SWITCH_ENGAGED");
        Api.as("admin1")
                .body(Map.of("engaged", false))
                .put("/api/kill-switch")
                .then()
                .statusCode(200);
        expected.add("KILL_SWITCH_RELEASED");
        String user = "audit" + Fixtures.unique();
        Api.as("admin1")
                .body(Map.of("username", user, "password", "a-long-enough-password", "roles", List.of("viewer")))
                .post("/api/users")
                .then()
                .statusCode(201);
        expected.add("USER_CREATED");
        Api.as("admin1")
                .body(Map.of("roles", List.of("officer")))
                .put("/api/users/{u}", user)
                .then()
                .statusCode(200);
        expected.add("USER_UPDATED");
        Api.as("admin1").delete("/api/users/{u}", user).then().statusCode(204);
        expected.add("USER_DELETED");

        // Refused calls: nothing recorded.
        Api.as("officer1").post("/api/operations/{id}/end", id).then().statusCode(409);
        Api.as("officer1")
                .body(Map.of("hostname", "late.example"))
                .post("/api/operations/{id}/seized-domains", id)
                .then()
                .statusCode(409);
        Api.as("viewer1")
                .body(Fixtures.operationBody(Fixtures.codeName()))
                .post("/api/operations")
                .then()
                .statusCode(403);
        Api.as("officer1").body(Map.of()).post("/api/operations").then().statusCode(400);
        Api.as("officer1")
                .body(Fixtures.operationBody(Fixtures.codeName()))
                .put("/api/operations/987654321")
                .then()
                .statusCode(404);

        assertEquals(expected, actionsSince(before), "one row per state-changing call, none for refused calls");
    }

    @Test
    void theChainVerifies() {
        Fixtures.operationIn("ACTIVE");
        Api.as("viewer1")
                .get("/api/audit/verify")
                .then()
                .statusCode(200)
                .body("valid", equalTo(true))
                .body("entriesChecked", equalTo((int) lastSeq()));
    }

    @Test
    void alteringOneByteOfOneRowIsDetectedAtThatRow() throws SQLException {
        long id = Fixtures.createOperation("officer1");
        Fixtures.addAgency(id, "officer1");
        long seq = Api.as("viewer1")
                .queryParam("entityType", "operation")
                .queryParam("entityId", id)
                .get("/api/audit")
                .jsonPath()
                .getLong("items[0].seq");
        String summary = column(seq, "summary");
        String altered = summary.replaceFirst("T-", "T_");
        assertFalse(summary.equals(altered));
        tamper("update audit_entry set summary = ? where seq = ?", altered, seq);
        try {
            Api.as("viewer1")
                    .get("/api/audit/verify")
                    .then()
                    .statusCode(200)
                    .body("valid", equalTo(false))
                    .body("firstBrokenSeq", equalTo((int) seq))
                    .body("reason", equalTo("row content does not match its hash"));
        } finally {
            tamper("update audit_entry set summary = ? where seq = ?", summary, seq);
        }
        Api.as("viewer1").get("/api/audit/verify").then().body("valid", equalTo(true));
    }

    @Test
    void aRowRewrittenWithAValidHashBreaksTheLinkOfTheNextRow() throws SQLException {
        long id = Fixtures.createOperation("officer1");
        long seq = Api.as("viewer1")
                .queryParam("entityType", "operation")
                .queryParam("entityId", id)
                .get("/api/audit")
                .jsonPath()
                .getLong("items[0].seq");
        Fixtures.addAgency(id, "officer1");
        String actor = column(seq, "actor");
        String hash = column(seq, "hash");
        String forged = "0".repeat(64);
        tamper("update audit_entry set actor = ?, hash = ? where seq = ?", "someone-else", forged, seq);
        try {
            JsonPath result = Api.as("viewer1").get("/api/audit/verify").jsonPath();
            assertFalse(result.getBoolean("valid"));
            assertEquals(seq, result.getLong("firstBrokenSeq"));
        } finally {
            tamper("update audit_entry set actor = ?, hash = ? where seq = ?", actor, hash, seq);
        }
    }

    @Test
    void aRowTakenOutOfItsOperationIsDetected() throws SQLException {
        long id = Fixtures.createOperation("officer1");
        long seq = Api.as("viewer1")
                .queryParam("entityType", "operation")
                .queryParam("entityId", id)
                .get("/api/audit")
                .then()
                .body("items[0].operationId", equalTo((int) id))
                .extract()
                .jsonPath()
                .getLong("items[0].seq");
        tamper("update audit_entry set operation_id = null where seq = ?", seq);
        try {
            Api.as("viewer1")
                    .get("/api/audit/verify")
                    .then()
                    .body("valid", equalTo(false))
                    .body("firstBrokenSeq", equalTo((int) seq))
                    .body("reason", equalTo("row content does not match its hash"));
        } finally {
            tamper("update audit_entry set operation_id = ? where seq = ?", id, seq);
        }
        Api.as("viewer1").get("/api/audit/verify").then().body("valid", equalTo(true));
    }

    @Test
    void aDeletedRowIsDetectedWhereTheSequenceBreaks() throws SQLException {
        long id = Fixtures.createOperation("officer1");
        long seq = Api.as("viewer1")
                .queryParam("entityType", "operation")
                .queryParam("entityId", id)
                .get("/api/audit")
                .jsonPath()
                .getLong("items[0].seq");
        Fixtures.addAgency(id, "officer1");
        List<Object> row = row(seq);
        tamper("delete from audit_entry where seq = ?", seq);
        try {
            Api.as("viewer1")
                    .get("/api/audit/verify")
                    .then()
                    .body("valid", equalTo(false))
                    .body("firstBrokenSeq", equalTo((int) seq))
                    .body("reason", equalTo("row missing from the sequence"));
        } finally {
            tamper(
                    "insert into audit_entry (seq, recorded_at, actor, action, entity_type, entity_id, summary, prev_hash, hash, "
                            + "operation_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    row.toArray());
        }
        Api.as("viewer1").get("/api/audit/verify").then().body("valid", equalTo(true));
    }

    @Test
    void loggedAuditValuesCannotForgeLogLines() {
        List<String> messages = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                messages.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger("org.takedown.audit");
        logger.addHandler(capture);
        // A note may span lines (a name may not, and no text may hold other control characters: BadInputCorpusTest).
        long id = Fixtures.createOperation("officer1");
        try {
            Api.as("officer1")
                    .body(Map.of(
                            "reason", "Evil\r\n2026-11-24 INFO  [org.takedown.audit] audit seq=1 actor=admin\u202e"))
                    .post("/api/operations/{id}/submit", id)
                    .then()
                    .statusCode(200);
        } finally {
            logger.removeHandler(capture);
        }
        String line = messages.stream()
                .filter(m -> m.contains("OPERATION_SUBMITTED") && m.contains("Evil"))
                .findFirst()
                .orElseThrow();
        assertFalse(line.contains("\n") || line.contains("\r") || line.contains("\u202e"), line);
        // The summary is JSON (Jackson escapes CR/LF), then the log escapes its backslashes: unambiguous, one line.
        assertTrue(line.contains("Evil\\\\r\\\\n2026-11-24"), line);
    }

    protected String column(long seq, String column) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select " + column + " from audit_entry where seq = ?")) {
            s.setLong(1, seq);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }

    private List<Object> row(long seq) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("select seq, recorded_at, actor, action, entity_type, entity_id, "
                                + "summary, prev_hash, hash, operation_id from audit_entry where seq = ?")) {
            s.setLong(1, seq);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                List<Object> values = new ArrayList<>();
                for (int i = 1; i <= 10; i++) {
                    values.add(i == 2 ? rs.getObject(i, java.time.OffsetDateTime.class) : rs.getObject(i));
                }
                return values;
            }
        }
    }

    /** Changes the audit table behind the application's back, as someone with database access could. */
    protected void tamper(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }
}
