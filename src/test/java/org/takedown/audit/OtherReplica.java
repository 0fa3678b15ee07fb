package org.takedown.audit;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Commits a change the way another replica would: the change and its chained audit row in one transaction, over
 * plain JDBC, so this replica hears of it only through the database (no local commit event).
 */
public final class OtherReplica {

    private OtherReplica() {}

    public static void commit(AgroalDataSource dataSource, String change, String action, long operationId)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                c.createStatement().executeUpdate(change);
                AuditEntry entry = new AuditEntry();
                try (ResultSet head = c.createStatement()
                        .executeQuery("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")) {
                    head.next();
                    entry.seq = head.getLong(1) + 1;
                    entry.prevHash = head.getString(2);
                }
                entry.recordedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                entry.actor = "replica-b:officer";
                entry.action = action;
                entry.entityType = "operation";
                entry.entityId = Long.toString(operationId);
                entry.summary = "{}";
                entry.hash = AuditChain.hash(entry);
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO audit_entry (seq, recorded_at, actor, action, "
                                + "entity_type, entity_id, summary, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setLong(1, entry.seq);
                    insert.setObject(2, entry.recordedAt.atOffset(ZoneOffset.UTC));
                    insert.setString(3, entry.actor);
                    insert.setString(4, entry.action);
                    insert.setString(5, entry.entityType);
                    insert.setString(6, entry.entityId);
                    insert.setString(7, entry.summary);
                    insert.setString(8, entry.prevHash);
                    insert.setString(9, entry.hash);
                    insert.executeUpdate();
                }
                try (PreparedStatement head =
                        c.prepareStatement("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
                    head.setLong(1, entry.seq);
                    head.setString(2, entry.hash);
                    head.executeUpdate();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
