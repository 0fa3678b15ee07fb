package org.takedown.seizure;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Visit counters and the per-visit log in the database. Plain JDBC in batches: one standard SQL MERGE
 * (H2 2.x and PostgreSQL 15+) per domain and minute, keyed by replica so replicas never write the same row.
 */
@ApplicationScoped
class VisitStore {

    record MinuteCount(long domainId, long epochMinute, long hits) {}

    record Visit(
            long domainId,
            long operationId,
            Instant at,
            String client,
            String language,
            String path,
            String userAgent) {}

    record Point(Instant time, long hits) {}

    private static final String MERGE = "MERGE INTO banner_visit_minute t USING (VALUES (CAST(? AS BIGINT), "
            + "CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS VARCHAR(36)), CAST(? AS BIGINT))) AS v(d, m, i, h) "
            + "ON t.seized_domain_id = v.d AND t.minute_start = v.m AND t.instance_id = v.i "
            + "WHEN MATCHED THEN UPDATE SET hits = t.hits + v.h "
            + "WHEN NOT MATCHED THEN INSERT (seized_domain_id, minute_start, instance_id, hits) VALUES (v.d, v.m, v.i, v.h)";
    private static final String INSERT_VISIT =
            "INSERT INTO banner_visit (seized_domain_id, operation_id, visited_at, client, "
                    + "lang, path, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?)";

    @Inject
    AgroalDataSource dataSource;

    void write(String instanceId, List<MinuteCount> counts, List<Visit> visits) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement merge = c.prepareStatement(MERGE);
                    PreparedStatement insert = c.prepareStatement(INSERT_VISIT)) {
                for (MinuteCount count : counts) {
                    merge.setLong(1, count.domainId());
                    merge.setObject(2, utc(Instant.ofEpochSecond(count.epochMinute() * 60)));
                    merge.setString(3, instanceId);
                    merge.setLong(4, count.hits());
                    merge.addBatch();
                }
                for (Visit visit : visits) {
                    insert.setLong(1, visit.domainId());
                    insert.setLong(2, visit.operationId());
                    insert.setObject(3, utc(visit.at()));
                    insert.setString(4, visit.client());
                    insert.setString(5, visit.language());
                    insert.setString(6, visit.path());
                    insert.setString(7, visit.userAgent());
                    insert.addBatch();
                }
                if (!counts.isEmpty()) {
                    merge.executeBatch();
                }
                if (!visits.isEmpty()) {
                    insert.executeBatch();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Hits per minute of a domain in [from, to), summed over replicas. */
    List<Point> minutes(long domainId, Instant from, Instant to) throws SQLException {
        List<Point> points = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT minute_start, SUM(hits) FROM banner_visit_minute "
                                + "WHERE seized_domain_id = ? AND minute_start >= ? AND minute_start < ? GROUP BY minute_start ORDER BY minute_start")) {
            s.setLong(1, domainId);
            s.setObject(2, utc(from));
            s.setObject(3, utc(to));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    points.add(new Point(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getLong(2)));
                }
            }
        }
        return points;
    }

    /** Deletes per-visit rows older than each operation's retention, and counters older than {@code countersBefore}. */
    int purge(Map<Long, Instant> visitsBefore, Instant countersBefore) throws SQLException {
        int deleted = 0;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s =
                    c.prepareStatement("DELETE FROM banner_visit WHERE operation_id = ? AND visited_at < ?")) {
                for (var entry : visitsBefore.entrySet()) {
                    s.setLong(1, entry.getKey());
                    s.setObject(2, utc(entry.getValue()));
                    deleted += s.executeUpdate();
                }
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM banner_visit_minute WHERE minute_start < ?")) {
                s.setObject(1, utc(countersBefore));
                deleted += s.executeUpdate();
            }
        }
        return deleted;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
