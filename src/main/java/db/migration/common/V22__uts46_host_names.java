package db.migration.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jboss.logging.Logger;
import org.takedown.common.HostNames;

/**
 * Host names stored before UTS #46 ({@link HostNames}) were written by IDNA 2003: each is read back in its Unicode form
 * and stored again as browsers send it. A name that is not a valid name under IDNA 2008 any more is left as it is and
 * named in a warning, for officers to correct. (A name typed with {@code ß}, {@code ς} or a joiner was stored by IDNA
 * 2003 without it, as {@code ss} or {@code σ}: what was typed cannot be recovered from that, so it stays.)
 */
public class V22__uts46_host_names extends BaseJavaMigration {

    private static final Logger LOG = Logger.getLogger(V22__uts46_host_names.class);

    private record Column(String table, String key, String column, String onlyWhere) {}

    private static final List<Column> HOST_COLUMNS = List.of(
            new Column("seized_domain", "id", "hostname", null),
            new Column("seized_domain_alias", "seized_domain_id", "hostname", null),
            new Column("watch_target", "id", "target_value", "kind = 'DOMAIN'"),
            new Column("discovery_candidate", "id", "candidate_value", "kind = 'DOMAIN'"));

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        for (Column column : HOST_COLUMNS) {
            migrate(connection, column);
        }
    }

    private static void migrate(Connection connection, Column column) throws SQLException {
        List<Object[]> changes = new ArrayList<>();
        String select = "SELECT " + column.key() + ", " + column.column() + " FROM " + column.table()
                + (column.onlyWhere() == null ? "" : " WHERE " + column.onlyWhere());
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(select)) {
            while (rows.next()) {
                long key = rows.getLong(1);
                String stored = rows.getString(2);
                Optional<String> renewed = HostNames.normaliseDomain(HostNames.toDisplay(stored));
                if (renewed.isEmpty()) {
                    LOG.warnf(
                            "Stored host name '%s' (%s %d) is not a valid IDNA 2008 name: correct it, or visitors' browsers "
                                    + "will not reach it",
                            stored, column.table(), key);
                } else if (!renewed.get().equals(stored)) {
                    changes.add(new Object[] {renewed.get(), key, stored});
                }
            }
        }
        String update = "UPDATE " + column.table() + " SET " + column.column() + " = ? WHERE " + column.key()
                + " = ? AND " + column.column() + " = ?";
        try (PreparedStatement statement = connection.prepareStatement(update)) {
            for (Object[] change : changes) {
                statement.setString(1, (String) change[0]);
                statement.setLong(2, (Long) change[1]);
                statement.setString(3, (String) change[2]);
                statement.executeUpdate();
                LOG.infof("Host name '%s' in %s is now stored as '%s' (UTS #46)", change[2], column.table(), change[0]);
            }
        }
    }
}
