package org.takedown.seizure;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.takedown.audit.OtherReplica;
import org.takedown.support.Api;

/**
 * A change committed through another replica (change and audit row over JDBC, no local commit event) reaches this
 * replica through its periodic check of the audit head, within two seconds.
 */
@QuarkusTest
public class SnapshotRefreshTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    BannerSnapshots snapshots;

    @Test
    void aChangeMadeThroughAnotherReplicaIsServedWithinTwoSeconds() throws SQLException {
        String host = BannerFixtures.host();
        long operation = BannerFixtures.liveOperation(host);
        snapshots.refreshNow();
        BannerFixtures.get(host, "/").then().statusCode(200);

        OtherReplica.commit(
                dataSource,
                "UPDATE operation SET status = 'PAUSED', paused_from = 'ACTIVE', version = version + 1 WHERE id = "
                        + operation,
                "OPERATION_PAUSED",
                operation);
        long start = System.nanoTime();
        await().atMost(Duration.ofSeconds(2))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> BannerFixtures.get(host, "/").statusCode() == 404);
        assertTrue(System.nanoTime() - start < 2_000_000_000L);

        OtherReplica.commit(
                dataSource,
                "UPDATE operation SET status = 'ACTIVE', paused_from = NULL, version = version + 1 WHERE id = "
                        + operation,
                "OPERATION_RESUMED",
                operation);
        await().atMost(Duration.ofSeconds(2))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> BannerFixtures.get(host, "/").statusCode() == 200);
        Api.as("viewer1").get("/api/audit/verify").then().body("valid", equalTo(true));
    }
}
