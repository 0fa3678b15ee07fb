package org.takedown.victim.list;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * An import's victims, written and looked up a batch at a time with plain JDBC in the caller's transaction. As
 * entities, a thousand victims cost the service more than the database's own work (persisting, flushing and binding
 * each, and compiling all of that on a fresh service): on PostgreSQL a batch goes in by one {@code COPY}, elsewhere
 * (H2) as one JDBC batch.
 */
@ApplicationScoped
class VictimRows {

    /** How many ids a call of {@code victim_seq} reserves (its increment, V30): the value and the 999 after it. */
    static final int IDS_PER_CALL = 1000;

    private static final String COLUMNS = "id, list_id, import_id, contact_key, phone_index, phone, phone_masked,"
            + " phone_flags, phone_refusal, email_index, email, email_masked, name, language, fields";
    /** PostgreSQL's CSV: a null is an unquoted empty value, an empty string a quoted one. */
    private static final CSVFormat COPY_CSV = CSVFormat.POSTGRESQL_CSV;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @Inject
    EntityManager em;

    /** The keys among {@code keys} that already have a victim in the list: one query, whatever their number. */
    @Transactional(Transactional.TxType.MANDATORY)
    Set<String> taken(long listId, Collection<String> keys) {
        if (keys.isEmpty()) {
            return new HashSet<>();
        }
        return session().doReturningWork(connection -> {
            Set<String> taken = new HashSet<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT contact_key FROM victim WHERE list_id = ? AND contact_key = ANY (?)")) {
                Array array = connection.createArrayOf("varchar", keys.toArray());
                select.setLong(1, listId);
                select.setArray(2, array);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        taken.add(rows.getString(1));
                    }
                }
                array.free();
            }
            return taken;
        });
    }

    /** Gives the victims their ids (one sequence call) and stores them; at most {@link #IDS_PER_CALL} at a time. */
    @Transactional(Transactional.TxType.MANDATORY)
    void insert(List<Victim> victims) {
        if (victims.isEmpty()) {
            return;
        }
        if (victims.size() > IDS_PER_CALL) {
            throw new IllegalArgumentException(victims.size() + " victims: at most " + IDS_PER_CALL + " at a time");
        }
        session().doWork(connection -> {
            long id = reserveIds(connection);
            for (Victim victim : victims) {
                victim.id = id++;
            }
            if ("postgresql".equals(dbKind)) {
                copy(connection, victims);
            } else {
                batch(connection, victims);
            }
        });
    }

    private long reserveIds(Connection connection) throws SQLException {
        String next = em.getEntityManagerFactory()
                .unwrap(SessionFactoryImplementor.class)
                .getJdbcServices()
                .getDialect()
                .getSequenceSupport()
                .getSequenceNextValString("victim_seq");
        try (PreparedStatement select = connection.prepareStatement(next);
                ResultSet value = select.executeQuery()) {
            value.next();
            return value.getLong(1);
        }
    }

    /**
     * Streams the rows into {@code COPY} through the driver's 64 KB buffer: a batch built as one string first would be
     * a few megabytes of short-lived arrays per batch, each too large for the collector's young generation.
     */
    private static void copy(Connection connection, List<Victim> victims) throws SQLException {
        String sql = "COPY victim (" + COLUMNS + ") FROM STDIN (FORMAT csv)";
        try (PGCopyOutputStream copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), sql);
                CSVPrinter printer = new CSVPrinter(
                        new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8)), COPY_CSV)) {
            for (Victim victim : victims) {
                printer.printRecord(values(victim));
            }
        } catch (IOException e) {
            throw new SQLException("COPY into victim failed", e);
        }
    }

    private static void batch(Connection connection, List<Victim> victims) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO victim (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Victim victim : victims) {
                Object[] values = values(victim);
                for (int i = 0; i < values.length; i++) {
                    insert.setObject(i + 1, values[i]);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** A victim's values in {@link #COLUMNS}' order. */
    private static Object[] values(Victim victim) {
        return new Object[] {
            victim.id,
            victim.listId,
            victim.importId,
            victim.contactKey,
            victim.phoneIndex,
            victim.phone,
            victim.phoneMasked,
            victim.phoneFlags,
            victim.phoneRefusal,
            victim.emailIndex,
            victim.email,
            victim.emailMasked,
            victim.name,
            victim.language,
            victim.fields
        };
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
