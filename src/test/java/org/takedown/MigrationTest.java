package org.takedown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.configuration.FluentConfiguration;
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
        assertEquals(
                List.of(
                        "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17",
                        "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31", "32", "33",
                        "34", "35", "36", "37"),
                Arrays.stream(applied).map(m -> m.getVersion().getVersion()).toList());
        assertTrue(Arrays.stream(applied).allMatch(m -> m.getState() == MigrationState.SUCCESS));
        assertEquals(0, flyway.info().pending().length);
    }

    @Test
    void vendorFolderMatchesTheDatabase() throws Exception {
        MigrationInfo vendor = flyway.info().applied()[2];
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            String folder = product.contains("postgres") ? "postgresql" : "h2";
            assertTrue(
                    vendor.getPhysicalLocation() == null
                            || vendor.getPhysicalLocation().contains(folder)
                            || vendor.getScript().contains(folder),
                    vendor.getScript());
            assertEquals(expectedDatabase(), folder);
        }
    }

    protected String expectedDatabase() {
        return "h2";
    }

    /**
     * Posts and sightings written before V19 kept their identity ids: the sequences V19 creates must hand out blocks
     * past them (Hibernate's pooled optimizer uses [value - 49, value]), or the next read's inserts would collide.
     */
    @Test
    void postAndSightingSequencesStartPastExistingRows() throws Exception {
        String name = "upgrade_check";
        String schema = '"' + name + '"';
        FluentConfiguration upgrade = Flyway.configure()
                .dataSource(dataSource)
                .schemas(name)
                .defaultSchema(name)
                .locations("db/migration/common", "db/migration/" + expectedDatabase());
        try (Connection c = dataSource.getConnection();
                Statement sql = c.createStatement()) {
            upgrade.target("18").load().migrate();
            allowRowsWithoutParents(sql, true);
            sql.executeUpdate(
                    "insert into " + schema + ".watch_post (id, target_id, post_id, body, links, mentions, media,"
                            + " media_count, service, first_seen_at) values (120, 1, 1, '', '', '', 'NONE', 0, false, current_timestamp)");
            sql.executeUpdate(
                    "insert into " + schema + ".sighting (id, operation_id, target_id, post_id, rule_id, rule_pattern,"
                            + " excerpt, created_at) values (7, 1, 1, 120, 1, 'x', 'x', current_timestamp)");
            allowRowsWithoutParents(sql, false);
            upgrade.target("19").load().migrate();
            assertTrue(nextValue(sql, schema + ".watch_post_seq") - 49 > 120);
            assertTrue(nextValue(sql, schema + ".sighting_seq") - 49 > 7);
        } finally {
            try (Connection c = dataSource.getConnection();
                    Statement sql = c.createStatement()) {
                sql.execute("drop schema " + schema + " cascade");
            }
        }
    }

    /** V22 stores host names again by UTS #46: a stored name in another form is rewritten, one no browser sends is kept. */
    @Test
    void hostNamesAreStoredAgainAsBrowsersSendThem() throws Exception {
        String name = "uts46_check";
        String schema = '"' + name + '"';
        FluentConfiguration upgrade = Flyway.configure()
                .dataSource(dataSource)
                .schemas(name)
                .defaultSchema(name)
                .locations("db/migration/common", "db/migration/" + expectedDatabase());
        try (Connection c = dataSource.getConnection();
                Statement sql = c.createStatement()) {
            upgrade.target("21").load().migrate();
            allowRowsWithoutParents(sql, true);
            sql.executeUpdate("insert into " + schema + ".seized_domain (id, operation_id, hostname, created_at) values"
                    + " (1, 1, 'XN--BCHER-KVA.Example', current_timestamp), (2, 1, 'xn--a.example', current_timestamp),"
                    + " (3, 1, 'plain.example', current_timestamp)");
            sql.executeUpdate("insert into " + schema
                    + ".seized_domain_alias (seized_domain_id, hostname) values (3, 'WWW2.Plain.example')");
            sql.executeUpdate(
                    "insert into " + schema + ".watch_target (id, operation_id, kind, target_value, created_at) values"
                            + " (1, 1, 'DOMAIN', 'B\u00fccher.example', current_timestamp), (2, 1, 'TELEGRAM_CHANNEL', 'Some_Channel', current_timestamp)");
            allowRowsWithoutParents(sql, false);
            upgrade.target("22").load().migrate();
            assertEquals(
                    List.of("xn--bcher-kva.example", "xn--a.example", "plain.example"),
                    column(sql, "select hostname from " + schema + ".seized_domain order by id"));
            assertEquals(
                    List.of("www2.plain.example"),
                    column(sql, "select hostname from " + schema + ".seized_domain_alias"));
            assertEquals(
                    List.of("xn--bcher-kva.example", "Some_Channel"),
                    column(sql, "select target_value from " + schema + ".watch_target order by id"));
        } finally {
            try (Connection c = dataSource.getConnection();
                    Statement sql = c.createStatement()) {
                sql.execute("drop schema " + schema + " cascade");
            }
        }
    }

    private static List<String> column(Statement sql, String query) throws SQLException {
        List<String> values = new java.util.ArrayList<>();
        try (ResultSet rs = sql.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    protected void allowRowsWithoutParents(Statement sql, boolean allow) throws SQLException {
        sql.execute("set referential_integrity " + !allow);
    }

    protected long nextValue(Statement sql, String sequence) throws SQLException {
        try (ResultSet rs = sql.executeQuery("select next value for " + sequence)) {
            rs.next();
            return rs.getLong(1);
        }
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
