package org.takedown.seizure;

import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A change committed by another replica reaches this one by the periodic check of the audit head (no local
 * event fires). Simulated here by changing the database behind the application's back.
 */
@QuarkusTest
public class SnapshotRefreshTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    BannerSnapshots snapshots;

    @Test
    void aChangeMadeElsewhereIsServedWithinTwoSeconds() throws SQLException {
        String host = BannerFixtures.host();
        long operation = BannerFixtures.liveOperation(host);
        // Let this domain's go-live announcement write its audit row first: nothing else may append meanwhile.
        await().atMost(Duration.ofSeconds(20)).until(() -> "LIVE".equals(org.takedown.support.Api.as("viewer1")
                .get("/api/operations/{id}/seized-domains", operation).jsonPath().getString("items[0].state")));
        snapshots.refreshNow();
        BannerFixtures.get(host, "/").then().statusCode(200);
        try {
            execute("UPDATE operation SET status = 'PAUSED' WHERE id = " + operation,
                    "UPDATE audit_head SET last_seq = last_seq + 1 WHERE id = 1");
            long start = System.nanoTime();
            await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                    .until(() -> BannerFixtures.get(host, "/").statusCode() == 404);
            org.junit.jupiter.api.Assertions.assertTrue(System.nanoTime() - start < 2_000_000_000L);
        } finally {
            execute("UPDATE operation SET status = 'ACTIVE' WHERE id = " + operation,
                    "UPDATE audit_head SET last_seq = last_seq - 1 WHERE id = 1");
        }
        await().atMost(Duration.ofSeconds(2)).until(() -> BannerFixtures.get(host, "/").statusCode() == 200);
        org.takedown.support.Api.as("viewer1").get("/api/audit/verify").then().body("valid", org.hamcrest.Matchers.equalTo(true));
    }

    private void execute(String... statements) throws SQLException {
        try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
            for (String sql : statements) {
                s.executeUpdate(sql);
            }
        }
    }
}
