package org.takedown.delivery;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.takedown.support.Api;
import org.takedown.support.FakeBotApi;
import org.takedown.support.LegacyLedgerResource;

/**
 * A ledger written by the release before the engine served every channel migrates (V25, V26) and keeps working: its
 * SENT row keeps Telegram's message id, its PENDING rows go (the second part after the first, the unchecked run's after
 * its check) except the one whose target was suspended, which waits on a hold, and its UNKNOWN row waits for an
 * officer, whose resend sends it once.
 */
@QuarkusTest
@TestProfile(LegacyLedgerTest.OnH2.class)
public class LegacyLedgerTest {

    public static class OnH2 implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LegacyLedgerResource.class));
        }
    }

    private static final long OPERATION = 900;

    @Inject
    Flyway flyway;

    @Inject
    AgroalDataSource dataSource;

    FakeBotApi telegram;

    @Test
    void theOldLedgerMigratesAndKeepsWorking() throws Exception {
        assertTrue(Arrays.stream(flyway.info().applied())
                .anyMatch(m -> m.getVersion().getVersion().equals("26")));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> delivered("Legacy part two")
                        && delivered("Legacy unchecked run")
                        && delivered("Legacy waiting for its slot")
                        && delivered("Legacy retrying")
                        && "PINNED".equals(row(939).get("pinStatus"))
                        && "UNKNOWN".equals(status(936)));
        for (long id : new long[] {932, 935, 937, 938, 939}) {
            assertEquals("SENT", status(id), "row " + id);
        }
        assertEquals("UNKNOWN", status(936), "its request had left when the old pod died: never sent again by itself");
        assertTrue(((String) row(936).get("detail")).contains("expired mid-send"), row(936).toString());
        assertEquals(
                0,
                telegram.delivered().stream()
                        .filter(d -> d.text().equals("Legacy started"))
                        .count());
        assertTrue(
                telegram.pinned().stream()
                        .anyMatch(
                                pin -> pin.toLowerCase(java.util.Locale.ROOT).startsWith(LegacyLedgerResource.PINNED)),
                telegram.pinned().toString());
        assertEquals("SKIPPED", status(940), "Telegram had refused its notice: its waiting row is not sent");
        assertEquals(
                0,
                telegram.delivered().stream()
                        .filter(d -> d.text().equals("Legacy refused"))
                        .count());
        assertTrue(
                column("select not_after from delivery where id = 935").get(0).startsWith("2099-01-01"),
                "the run's send window");
        assertEquals(
                null, column("select not_after from delivery where id = 932").get(0));
        Map<String, Object> sent = row(931);
        assertEquals("SENT", sent.get("status"));
        assertEquals("41", sent.get("providerId"));
        assertEquals("telegram", sent.get("channel"));
        assertEquals(911, ((Number) sent.get("targetId")).intValue());
        assertEquals(LegacyLedgerResource.OPEN, sent.get("chat"));

        assertEquals("PENDING", status(933), "its target is suspended: the row waits");
        assertEquals("UNKNOWN", status(934), "never sent again by itself");
        assertTrue(column("select hold_key from delivery_hold where channel = 'telegram'")
                .contains("recipient:target:912"));
        assertTrue(
                column("select preflighted_at from notice_run where id = 922").get(0) != null,
                "the unchecked run was checked");
        List<String> pace = column("select pace_key from send_pace order by pace_key");
        assertTrue(
                pace.contains("telegram:global")
                        && pace.contains("telegram:address:" + LegacyLedgerResource.OPEN)
                        && pace.stream()
                                .noneMatch(key -> key.equals("global")
                                        || key.startsWith("chat:")
                                        || key.startsWith("dispatcher:")),
                pace.toString());
        assertEquals(
                List.of("931", "932", "933", "934", "935", "936", "937", "938", "939", "940"),
                column("select delivery_id from telegram_delivery order by delivery_id"));
        assertEquals(
                List.of("1"), column("select count(*) from telegram_delivery where delivery_id = 939 and pin = TRUE"));

        Api.as("officer1")
                .body(Map.of("note", "checked the channel: not there"))
                .post("/api/operations/{id}/deliveries/{d}/resend", OPERATION, 934)
                .then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(status(934)));
        assertEquals(
                1,
                telegram.delivered().stream()
                        .filter(d -> d.text().equals("Legacy unanswered"))
                        .count());
        assertEquals(
                0,
                telegram.delivered().stream()
                        .filter(d -> d.text().equals("Legacy part one"))
                        .count(),
                "a SENT row is not sent again");
        assertEquals(
                1,
                telegram.delivered().stream()
                        .filter(d -> d.text().equals("Legacy part two"))
                        .count());
        assertEquals("PENDING", status(933));
        Api.as("viewer1")
                .queryParam("status", "PENDING")
                .get("/api/operations/{id}/deliveries", OPERATION)
                .then()
                .statusCode(200)
                .body("total", equalTo(1));
    }

    private boolean delivered(String text) {
        return telegram.delivered().stream().anyMatch(d -> d.text().equals(text));
    }

    private static String status(long delivery) {
        return (String) row(delivery).get("status");
    }

    private static Map<String, Object> row(long delivery) {
        List<Map<String, Object>> rows = Api.as("viewer1")
                .queryParam("size", 50)
                .get("/api/operations/{id}/deliveries", OPERATION)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        return rows.stream()
                .filter(r -> ((Number) r.get("id")).longValue() == delivery)
                .findFirst()
                .orElseThrow();
    }

    private List<String> column(String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                Statement sql = c.createStatement();
                ResultSet rs = sql.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
