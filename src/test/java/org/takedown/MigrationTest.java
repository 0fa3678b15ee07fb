package org.takedown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.impl.jdbcjobstore.JobStoreSupport;

/** Every migration applied on this database; Hibernate validated the schema at start; Quartz runs on JDBC. */
@QuarkusTest
public class MigrationTest {

    @Inject
    Flyway flyway;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Scheduler quartz;

    @Test
    void everyMigrationIsAppliedAndNonePending() {
        MigrationInfo[] applied = flyway.info().applied();
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18"), Arrays.stream(applied).map(m -> m.getVersion().getVersion()).toList());
        assertTrue(Arrays.stream(applied).allMatch(m -> m.getState() == MigrationState.SUCCESS));
        assertEquals(0, flyway.info().pending().length);
    }

    @Test
    void vendorFolderMatchesTheDatabase() throws Exception {
        MigrationInfo vendor = flyway.info().applied()[2];
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            String folder = product.contains("postgres") ? "postgresql" : "h2";
            assertTrue(vendor.getPhysicalLocation() == null || vendor.getPhysicalLocation().contains(folder)
                    || vendor.getScript().contains(folder), vendor.getScript());
            assertEquals(expectedDatabase(), folder);
        }
    }

    protected String expectedDatabase() {
        return "h2";
    }

    @Test
    void quartzUsesThePersistentJdbcStore() throws Exception {
        assertTrue(quartz.getMetaData().isJobStoreSupportsPersistence());
        assertTrue(JobStoreSupport.class.isAssignableFrom(quartz.getMetaData().getJobStoreClass()));
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement().executeQuery("select count(*) from qrtz_locks")) {
            assertTrue(rs.next());
        }
    }
}
