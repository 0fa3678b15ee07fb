package org.takedown.postgresql;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.takedown.audit.AuditChainTest;
import org.takedown.support.Fixtures;
import org.takedown.support.PostgresProfile;

@QuarkusTest
@TestProfile(PostgresProfile.class)
public class PostgresAuditChainTest extends AuditChainTest {

    @Test
    void postgresRefusesUpdatesAndDeletesOfTheAuditLog() {
        Fixtures.createOperation("officer1");
        for (String sql : new String[] {
            "update audit_entry set actor = 'x' where seq = 1", "delete from audit_entry where seq = 1"
        }) {
            SQLException refused = assertThrows(SQLException.class, () -> {
                try (Connection c = dataSource.getConnection();
                        PreparedStatement s = c.prepareStatement(sql)) {
                    s.executeUpdate();
                }
            });
            assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
        }
    }

    /** A superuser can switch triggers off; the hash chain is what still catches the change. */
    @Override
    protected void tamper(String sql, Object... args) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement off = c.prepareStatement("set local session_replication_role = replica");
                    PreparedStatement s = c.prepareStatement(sql)) {
                off.execute();
                for (int i = 0; i < args.length; i++) {
                    s.setObject(i + 1, args[i]);
                }
                s.executeUpdate();
                c.commit();
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }
}
