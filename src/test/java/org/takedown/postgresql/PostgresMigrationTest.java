package org.takedown.postgresql;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.takedown.MigrationTest;
import org.takedown.support.PostgresProfile;

@QuarkusTest
@TestProfile(PostgresProfile.class)
public class PostgresMigrationTest extends MigrationTest {

    @Override
    protected String expectedDatabase() {
        return "postgresql";
    }

    @Override
    protected void allowRowsWithoutParents(Statement sql, boolean allow) throws SQLException {
        sql.execute("set session_replication_role = " + (allow ? "replica" : "origin"));
    }

    @Override
    protected long nextValue(Statement sql, String sequence) throws SQLException {
        try (ResultSet rs = sql.executeQuery("select nextval('" + sequence + "')")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
