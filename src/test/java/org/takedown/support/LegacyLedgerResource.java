package org.takedown.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * A database left by the release before the channel-neutral ledger (schema version 24), filled the way that release
 * filled it: an active operation whose notice ran twice, a ledger with SENT, UNKNOWN and PENDING rows (one PENDING row
 * the second part of a notice whose first part was SENT, one waiting on a suspended target, one in a run whose targets
 * were not checked yet, one to be pinned, one of a notice Telegram refused), CLAIMED rows of a pod that died (one
 * whose request had left, one still waiting for its slot), a RETRY_AT row, and pacing rows under their old names. The application then starts on it, migrates it, and
 * must go on from there. Runs on H2 or, with {@code database=postgresql}, on an embedded PostgreSQL; the chats are
 * known to a {@link FakeBotApi} before the application starts, since its dispatcher sends at once.
 */
public class LegacyLedgerResource extends FakeBotApiResource {

    public static final String OPEN = "@legacy_open";
    public static final String GONE = "@legacy_gone";
    public static final String UNCHECKED = "@legacy_unchecked";
    public static final String UNANSWERED = "@legacy_unanswered";
    public static final String STARTED = "@legacy_started";
    public static final String WAITING = "@legacy_waiting";
    public static final String RETRYING = "@legacy_retrying";
    public static final String PINNED = "@legacy_pinned";
    public static final String BLOCKED = "@legacy_blocked";
    private static final String[] CHATS = {
        OPEN, GONE, UNCHECKED, UNANSWERED, STARTED, WAITING, RETRYING, PINNED, BLOCKED
    };

    private boolean postgresql;
    private EmbeddedPostgres postgres;

    @Override
    public void init(Map<String, String> initArgs) {
        postgresql = "postgresql".equals(initArgs.get("database"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        long id = -1001000000100L;
        for (String chat : CHATS) {
            api().chat(chat, new FakeBotApi.Chat(id--, "channel", chat, "administrator", true));
        }
        String url;
        String user;
        String password;
        if (postgresql) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
            }
            url = postgres.getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = "";
        } else {
            url = "jdbc:h2:mem:legacy-ledger;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
            user = "sa";
            password = "";
        }
        Flyway.configure()
                .dataSource(url, user, password)
                .locations("db/migration/common", "db/migration/" + (postgresql ? "postgresql" : "h2"))
                .target("24")
                .load()
                .migrate();
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement sql = connection.createStatement()) {
            fill(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not fill the legacy ledger", e);
        }
        config.put("quarkus.datasource.jdbc.url", url);
        config.put("quarkus.datasource.username", user);
        config.put("quarkus.datasource.password", password);
        return config;
    }

    private static void fill(Statement sql) throws SQLException {
        String now = "CURRENT_TIMESTAMP";
        sql.executeUpdate("INSERT INTO operation (id, name, code_name, legal_authority_type, legal_authority_reference,"
                + " legal_authority_issued_by, legal_authority_issued_on, timezone, status, content_hash, approved_content_hash,"
                + " created_by, created_at, updated_by, updated_at, version) VALUES (900, 'Legacy ledger', 'LEGACY-LEDGER', 'COURT_ORDER',"
                + " 'LEG/1', 'Court', DATE '2026-01-01', 'Europe/London', 'ACTIVE', '" + "a".repeat(64) + "', '"
                + "a".repeat(64)
                + "', 'officer1', " + now + ", 'officer1', " + now + ", 0)");
        sql.executeUpdate(
                "INSERT INTO notice (id, operation_id, title, default_language, pin, all_targets, created_at, updated_at)"
                        + " VALUES (901, 900, 'Legacy warning', 'en', FALSE, TRUE, " + now + ", " + now + ")");
        sql.executeUpdate("INSERT INTO notice_text (notice_id, lang, body) VALUES (901, 'en', 'Legacy warning')");
        sql.executeUpdate(
                "INSERT INTO notice (id, operation_id, title, default_language, pin, all_targets, created_at, updated_at,"
                        + " blocked_reason) VALUES (902, 900, 'Legacy refused', 'en', FALSE, TRUE, " + now + ", " + now
                        + ", 'Bad Request: can''t parse entities')");
        sql.executeUpdate("INSERT INTO notice_text (notice_id, lang, body) VALUES (902, 'en', 'Legacy refused')");
        for (int i = 0; i < CHATS.length; i++) {
            sql.executeUpdate(
                    "INSERT INTO telegram_target (id, operation_id, username, created_at, preflight_status, suspended)"
                            + " VALUES (" + (911 + i) + ", 900, '" + CHATS[i].substring(1) + "', " + now + ", '"
                            + (CHATS[i].equals(GONE) ? "NOT_MEMBER', TRUE)" : "OK', FALSE)"));
        }
        // Run 921 was checked before the upgrade; run 922 was queued but its targets not yet checked.
        sql.executeUpdate(
                "INSERT INTO notice_run (id, notice_id, operation_id, notice_title, due_at, fired_at, origin, status,"
                        + " send_until, created_by, preflighted_at) VALUES (921, 901, 900, 'Legacy warning', TIMESTAMP WITH TIME ZONE"
                        + " '2026-11-30 09:00:00+00', " + now + ", 'MANUAL', 'QUEUED', NULL, 'officer1', " + now + ")");
        sql.executeUpdate(
                "INSERT INTO notice_run (id, notice_id, operation_id, notice_title, due_at, fired_at, origin, status,"
                        + " send_until, created_by, preflighted_at) VALUES (922, 901, 900, 'Legacy warning', TIMESTAMP WITH TIME ZONE"
                        + " '2026-12-01 09:00:00+00', " + now
                        + ", 'SCHEDULE', 'QUEUED', TIMESTAMP WITH TIME ZONE '2099-01-01 00:00:00+00',"
                        + " 'scheduler', NULL)");
        delivery(sql, 931, 921, 911, OPEN, 0, 2, "Legacy part one", "SENT", "41");
        delivery(sql, 932, 921, 911, OPEN, 1, 2, "Legacy part two", "PENDING", null);
        delivery(sql, 933, 921, 912, GONE, 0, 1, "Legacy to a suspended target", "PENDING", null);
        delivery(sql, 934, 921, 914, UNANSWERED, 0, 1, "Legacy unanswered", "UNKNOWN", null);
        delivery(sql, 935, 922, 913, UNCHECKED, 0, 1, "Legacy unchecked run", "PENDING", null);
        delivery(sql, 936, 921, 915, STARTED, 0, 1, "Legacy started", "CLAIMED", null);
        delivery(sql, 937, 921, 916, WAITING, 0, 1, "Legacy waiting for its slot", "CLAIMED", null);
        delivery(sql, 938, 921, 917, RETRYING, 0, 1, "Legacy retrying", "RETRY_AT", null);
        delivery(sql, 939, 921, 918, PINNED, 0, 1, "Legacy pinned", "PENDING", null);
        sql.executeUpdate(
                "INSERT INTO notice_run (id, notice_id, operation_id, notice_title, due_at, fired_at, origin, status,"
                        + " send_until, created_by, preflighted_at) VALUES (923, 902, 900, 'Legacy refused', TIMESTAMP WITH TIME ZONE"
                        + " '2026-11-30 10:00:00+00', " + now + ", 'MANUAL', 'QUEUED', NULL, 'officer1', " + now + ")");
        sql.executeUpdate(
                "INSERT INTO delivery (id, run_id, operation_id, notice_id, target_id, part, parts, chat, language, payload,"
                        + " silent, pin, status, attempts, not_before, migrated, updated_at) VALUES (940, 923, 900, 902, 919, 0, 1, '"
                        + BLOCKED
                        + "', 'en', 'Legacy refused', FALSE, FALSE, 'PENDING', 0, " + now + ", FALSE, " + now + ")");
        // A pod died holding two claims: one request had left (started), one was waiting for its slot.
        sql.executeUpdate(
                "UPDATE delivery SET claim_token = 'c0ffee00-0000-0000-0000-000000000001', claimed_by = '1@old-pod',"
                        + " claimed_until = TIMESTAMP WITH TIME ZONE '2026-11-30 09:00:05+00', started_at = TIMESTAMP WITH TIME ZONE"
                        + " '2026-11-30 09:00:01+00' WHERE id = 936");
        sql.executeUpdate(
                "UPDATE delivery SET claim_token = 'c0ffee00-0000-0000-0000-000000000002', claimed_by = '1@old-pod',"
                        + " claimed_until = TIMESTAMP WITH TIME ZONE '2026-11-30 09:00:05+00' WHERE id = 937");
        sql.executeUpdate(
                "UPDATE delivery SET attempts = 1, detail = 'attempt 1 failed: 502 Bad Gateway' WHERE id = 938");
        sql.executeUpdate("UPDATE delivery SET pin = TRUE WHERE id = 939");
        sql.executeUpdate("UPDATE send_pace SET ready_at = " + now + " WHERE pace_key = 'global'");
        sql.executeUpdate(
                "INSERT INTO send_pace (pace_key, ready_at) VALUES ('chat:" + OPEN + "', TIMESTAMP WITH TIME ZONE"
                        + " '2026-01-01 00:00:00+00'), ('dispatcher:0123456789abcdef', TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00')");
    }

    private static void delivery(
            Statement sql,
            long id,
            long run,
            long target,
            String chat,
            int part,
            int parts,
            String payload,
            String status,
            String messageId)
            throws SQLException {
        sql.executeUpdate(
                "INSERT INTO delivery (id, run_id, operation_id, notice_id, target_id, part, parts, chat, language, payload,"
                        + " silent, pin, status, attempts, not_before, migrated, message_id, sent_at, detail, updated_at) VALUES ("
                        + id + ", "
                        + run + ", 900, 901, " + target + ", " + part + ", " + parts + ", '" + chat + "', 'en', '"
                        + payload + "', FALSE, FALSE, '"
                        + status + "', 0, CURRENT_TIMESTAMP, FALSE, " + messageId + ", "
                        + (messageId == null ? "NULL" : "CURRENT_TIMESTAMP")
                        + ", " + ("UNKNOWN".equals(status) ? "'no answer in time'" : "NULL") + ", CURRENT_TIMESTAMP)");
    }

    @Override
    public void stop() {
        super.stop();
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
