package org.takedown.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.takedown.victim.sms.smpp.FakeSmsc;

/**
 * Replicas of the packaged service ({@link ServiceProcess}) on one real PostgreSQL (embedded binaries), one
 * {@link FakeBotApi} and one {@link FakeSmsc} (an SMPP account shared by the replicas), as the
 * Helm chart runs them: production profile, clustered Quartz, the bot token, SMPP account and database credentials
 * from the environment, the test users from system properties.
 */
public final class ReplicaCluster implements AutoCloseable {

    /** bcrypt (cost 4) of {@link Api#PASSWORD}, the test users' password, as in application.properties (%test). */
    private static final String PASSWORD_HASH = "$2a$04$j/coOW2b2pyrVjJdE/AG2.kUP9DHCrMKL4cPEO6I0A.FJh8uRpnES";

    private static final Path POSTGRES_HOME = Path.of("target", "embedded-pg").toAbsolutePath();

    /** Given to every replica as the database password (embedded PostgreSQL trusts local connections, so any works). */
    public final String databasePassword = "db-pass-" + Long.toHexString(System.nanoTime());

    private final EmbeddedPostgres postgres;
    private final Path postgresData;
    private final FakeBotApi telegram;
    private final FakeSmsc smsc;
    private final Map<String, String> environment;
    private final Map<String, String> config = new HashMap<>();
    private final List<ServiceProcess> started = new ArrayList<>();

    /** Given to every replica as the SMPP password. */
    public final String smppPassword =
            Long.toHexString(System.nanoTime() | 1L << 44).substring(0, 8);

    /** What the SMSC allows the account, messages a second. */
    public static final int SMSC_RATE = 20;

    /**
     * What the replicas are told the account allows: a margin below the SMSC's limit, as an operator would configure
     * it, so two processes on a loaded machine stay within it however their sends jitter; the replicas share it through
     * the database's pacing (each alone at this rate would be 1.6 × the limit together).
     */
    public static final int SMS_RATE = 16;

    private ReplicaCluster(
            EmbeddedPostgres postgres,
            Path postgresData,
            FakeBotApi telegram,
            FakeSmsc smsc,
            int smscRate,
            int smsRate) {
        this.postgres = postgres;
        this.postgresData = postgresData;
        this.telegram = telegram;
        this.smsc = smsc.rate(smscRate);
        this.environment = Map.ofEntries(
                Map.entry("TAKEDOWN_DB_URL", postgres.getJdbcUrl("postgres", "postgres")),
                Map.entry("TAKEDOWN_DB_USER", "postgres"),
                Map.entry("TAKEDOWN_DB_PASSWORD", databasePassword),
                Map.entry("TAKEDOWN_BOT_TOKEN", FakeBotApi.TOKEN),
                Map.entry("TAKEDOWN_SMPP_HOST", "127.0.0.1"),
                Map.entry("TAKEDOWN_SMPP_PORT", Integer.toString(smsc.port())),
                Map.entry("TAKEDOWN_SMPP_SYSTEM_ID", "takedown"),
                Map.entry("TAKEDOWN_SMPP_PASSWORD", smppPassword),
                Map.entry("TAKEDOWN_SMS_RATE", Integer.toString(smsRate)),
                Map.entry("TAKEDOWN_OFFICIAL_DOMAINS", "met.police.uk"),
                Map.entry("TAKEDOWN_PERSONAL_DATA_KEY_FILE", PersonalDataKeyFile.create()));
        config.put("takedown.officer-hosts", "localhost,127.0.0.1");
        config.put("takedown.telegram.api.scheme", "http");
        config.put("takedown.telegram.api.host", "127.0.0.1");
        config.put("takedown.telegram.api.port", Integer.toString(telegram.port()));
        for (String[] user : new String[][] {
            {"officer1", "officer"},
            {"officer2", "officer"},
            {"approver1", "approver"},
            {"approver2", "approver"},
            {"viewer1", "viewer"}
        }) {
            config.put("takedown.users." + user[0] + ".password-hash", PASSWORD_HASH);
            config.put("takedown.users." + user[0] + ".roles", user[1]);
        }
    }

    /**
     * A PostgreSQL server in a directory of its own and the fake Bot API. The server keeps PostgreSQL's own durability
     * (the embedded builder turns {@code synchronous_commit} off for speed): a crash must not lose what was committed,
     * as a production server would not.
     */
    public static ReplicaCluster start() {
        return start(SMSC_RATE, SMS_RATE);
    }

    /** As {@link #start()}, with the SMSC allowing {@code smscRate} messages a second and the replicas told {@code smsRate}. */
    public static ReplicaCluster start(int smscRate, int smsRate) {
        try {
            Path data = POSTGRES_HOME.resolve("data-" + System.nanoTime());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(POSTGRES_HOME.toFile())
                    .setDataDirectory(data)
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            return new ReplicaCluster(postgres, data, FakeBotApi.start(), new FakeSmsc(), smscRate, smsRate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A setting (system property) for every replica started from now on. */
    public ReplicaCluster with(String key, String value) {
        config.put(key, value);
        return this;
    }

    /** Starts a replica and waits until it is ready. The first one started runs the migrations. */
    public ServiceProcess replica(String name) {
        ServiceProcess replica = ServiceProcess.start(name, List.of("-Xmx256m"), environment, config);
        started.add(replica);
        return replica;
    }

    /** Every replica started, stopped or not (their logs stay). */
    public List<ServiceProcess> started() {
        return List.copyOf(started);
    }

    public FakeBotApi telegram() {
        return telegram;
    }

    public FakeSmsc smsc() {
        return smsc;
    }

    public Connection database() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    /**
     * Rows of the Telegram run in this state last claimed by the replica with this pid (claims are named pid@host).
     */
    public long rowsOf(long pid, long run, String status) throws SQLException {
        try (Connection c = database();
                PreparedStatement sql = c.prepareStatement("select count(*) from delivery where channel = 'telegram'"
                        + " and run_id = ? and status = ? and claimed_by like ?")) {
            sql.setLong(1, run);
            sql.setString(2, status);
            sql.setString(3, pid + "@%");
            try (ResultSet rs = sql.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Rows of the Telegram run per replica that last claimed them ({@code pid@host}). */
    public Map<String, Long> rowsByReplica(long run) throws SQLException {
        return rowsByReplica("telegram", run);
    }

    /** Rows of the channel's run per replica that last claimed them ({@code pid@host}). */
    public Map<String, Long> rowsByReplica(String channel, long run) throws SQLException {
        Map<String, Long> byReplica = new HashMap<>();
        try (Connection c = database();
                PreparedStatement sql = c.prepareStatement(
                        "select claimed_by, count(*) from delivery where channel = ? and run_id = ? group by claimed_by")) {
            sql.setString(1, channel);
            sql.setLong(2, run);
            try (ResultSet rs = sql.executeQuery()) {
                while (rs.next()) {
                    byReplica.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return byReplica;
    }

    /**
     * The server's own pg_ctl on its data directory (it reads the server's options from postmaster.opts), for example
     * {@code restart -m immediate}. As root it runs in a user namespace ({@code unshare -U}), as the embedded server
     * itself was started: pg_ctl refuses to run as root.
     */
    public void pgCtl(String... arguments) throws IOException, InterruptedException {
        Path pgCtl;
        try (Stream<Path> files = Files.walk(POSTGRES_HOME)) {
            pgCtl = files.filter(f -> f.getFileName().toString().equals("pg_ctl")
                            && f.getParent().getFileName().toString().equals("bin"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no bin/pg_ctl under " + POSTGRES_HOME));
        }
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(pgCtl.toString(), "-D", postgresData.toString()));
        command.addAll(List.of(arguments));
        Path log = Path.of("target", "pg_ctl.log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        String what = "pg_ctl " + String.join(" ", arguments);
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            throw new IllegalStateException(what + " did not finish");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(what + " failed: " + Files.readString(log));
        }
    }

    @Override
    public void close() throws IOException {
        for (ServiceProcess replica : started) {
            replica.close();
        }
        telegram.close();
        smsc.close();
        postgres.close();
    }
}
