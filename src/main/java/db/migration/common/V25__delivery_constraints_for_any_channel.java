package db.migration.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Before the delivery ledger serves every channel (V26): its foreign keys (a row's run was a notice run; part 0 of a
 * Telegram notice referred to its image) and its uniqueness per Telegram target go. Their names were chosen by each
 * database, so they are looked up in the information schema, which H2 and PostgreSQL both have.
 */
public class V25__delivery_constraints_for_any_channel extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<String> constraints = new ArrayList<>();
        try (PreparedStatement query =
                connection.prepareStatement("SELECT constraint_name FROM information_schema.table_constraints"
                        + " WHERE lower(table_name) = 'delivery' AND lower(table_schema) = lower(?)"
                        + " AND constraint_type IN ('FOREIGN KEY', 'UNIQUE')")) {
            query.setString(1, connection.getSchema());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    constraints.add(rows.getString(1));
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String constraint : constraints) {
                statement.execute("ALTER TABLE delivery DROP CONSTRAINT \"" + constraint.replace("\"", "\"\"") + "\"");
            }
        }
    }
}
