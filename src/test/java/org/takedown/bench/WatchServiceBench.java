package org.takedown.bench;

import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.takedown.support.FakeChannelPreview;
import org.takedown.support.FakeDns;
import org.takedown.support.FakeSites;
import org.takedown.support.PersonalDataKeyFile;
import org.takedown.support.ServiceProcess;

/**
 * Run by {@code bench/watch.sh}, not by {@code ./mvnw verify} (the name does not end in Test). The packaged service
 * runs as its own process (prod profile, {@code bench.service-jvm} options) on an embedded PostgreSQL, watching
 * {@code bench.channels} channel previews and {@code bench.domains} domains served by fixtures in this JVM; its own
 * Quartz-triggered watch cycle does the reading. Times a first cycle (every page new: posts, sightings, captures,
 * history rows) and a second (nothing changed), each against a reference measured in the same run (the same URLs
 * fetched raw with the same concurrency), and reports the service's peak RSS.
 * <p>
 * The operation, its rules and targets are written straight into the database: the bench measures watching, not the
 * approval workflow (which the API tests cover).
 */
public class WatchServiceBench {

    private static final String[][] RULES = {
        {"KEYWORD", "caller id"}, {"REGEX", "@shop_[0-2]bot"}, {"KEYWORD", "voice changer"}
    };

    @Test
    void oneCycleOverAllTargets() throws Exception {
        int channels = Integer.getInteger("bench.channels", 5000);
        int domains = Integer.getInteger("bench.domains", 5000);
        List<String> jvm = Arrays.asList(
                System.getProperty("bench.service-jvm", "-Xmx256m").trim().split("\\s+"));
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                FakeChannelPreview telegram = FakeChannelPreview.start();
                FakeDns dns = FakeDns.start();
                FakeSites sites = FakeSites.start()) {
            List<String> urls = new ArrayList<>();
            List<String[]> targets = new ArrayList<>();
            for (int i = 0; i < channels; i++) {
                String name = "bench_channel_" + i;
                telegram.post(name, 1, 20);
                targets.add(new String[] {"TELEGRAM_CHANNEL", name});
                urls.add("http://127.0.0.2:" + telegram.port() + "/s/" + name + "|");
            }
            for (int i = 0; i < domains; i++) {
                String name = "bench-site-" + i + ".example";
                dns.a(name, "127.0.0.2");
                sites.serve(name, 200, page(i));
                targets.add(new String[] {"DOMAIN", name});
                urls.add("http://127.0.0.2:" + sites.port() + "/|" + name);
            }
            Map<String, String> database = Map.of(
                    "TAKEDOWN_DB_URL",
                    postgres.getJdbcUrl("postgres", "postgres"),
                    "TAKEDOWN_DB_USER",
                    "postgres",
                    "TAKEDOWN_DB_PASSWORD",
                    "",
                    "TAKEDOWN_TELEGRAM_DRY_RUN",
                    "true",
                    "TAKEDOWN_SMS_DRY_RUN",
                    "true",
                    "TAKEDOWN_PERSONAL_DATA_KEY_FILE",
                    PersonalDataKeyFile.create());
            Map<String, String> config = Map.of(
                    "takedown.watch.cycle-every",
                    "1s",
                    "takedown.watch.telegram-preview-url",
                    "http://127.0.0.2:" + telegram.port(),
                    "takedown.probe.dns-server",
                    dns.address(),
                    "takedown.probe.url",
                    "http://{domain}:" + sites.port() + "/",
                    "takedown.fetch.allow-cidrs",
                    "127.0.0.2/32",
                    "takedown.fetch.allowed-ports",
                    "80,443," + telegram.port() + "," + sites.port());
            try (ServiceProcess service = ServiceProcess.start("watch-bench-service", jvm, database, config)) {
                DataSource db = postgres.getPostgresDatabase();
                seed(db, targets);
                double reference = rawFetch(urls, 8);
                double first = timedCycle(db, targets.size());
                long posts = count(db, "watch_post");
                long probes = count(db, "domain_probe");
                long sightings = count(db, "sighting");
                long captures = count(db, "evidence_capture");
                double second = timedCycle(db, targets.size());
                long probesAfter = count(db, "domain_probe");
                long capturesAfter = count(db, "evidence_capture");
                System.out.printf(
                        "RESULT targets=%d reference=%.0f/s first_cycle=%.0f/s (%.2f of reference) steady_cycle=%.0f/s"
                                + " (%.2f of reference) service_peak_rss=%d MB service_jvm=%s%n",
                        targets.size(),
                        reference,
                        first,
                        first / reference,
                        second,
                        second / reference,
                        service.peakRssMb(),
                        String.join(" ", jvm));
                System.out.printf(
                        "DETAIL first cycle stored %d posts, %d history rows, %d sightings, %d captures;"
                                + " the steady cycle added %d history rows and %d captures%n",
                        posts, probes, sightings, captures, probesAfter - probes, capturesAfter - captures);
            }
        }
    }

    /** One ACTIVE operation with three rules and every target, due in a century (each cycle makes them due). */
    private static void seed(DataSource db, List<String[]> targets) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            long operation;
            try (Statement sql = c.createStatement()) {
                sql.executeUpdate(
                        "insert into operation (name, code_name, legal_authority_type, legal_authority_reference,"
                                + " legal_authority_issued_by, legal_authority_issued_on, timezone, status, content_hash, created_by,"
                                + " created_at, updated_by, updated_at, version) values ('Watch bench', 'WATCHBENCH', 'WARRANT', 'W-1',"
                                + " 'Bench court', current_date, 'UTC', 'ACTIVE', 'x', 'bench', now(), 'bench', now(), 0)",
                        Statement.RETURN_GENERATED_KEYS);
                try (ResultSet keys = sql.getGeneratedKeys()) {
                    keys.next();
                    operation = keys.getLong("id");
                }
            }
            insertAll(
                    c,
                    "insert into watch_rule (operation_id, kind, pattern, created_at) values (?, ?, ?, now())",
                    operation,
                    Arrays.asList(RULES));
            insertAll(
                    c,
                    "insert into watch_target (operation_id, kind, target_value, created_at, next_read_at)"
                            + " values (?, ?, ?, now(), timestamp with time zone '2100-01-01 00:00:00+00')",
                    operation,
                    targets);
            c.commit();
        }
    }

    /** One batch of rows (operation, kind, value) into {@code insert}. */
    private static void insertAll(Connection c, String insert, long operation, List<String[]> rows)
            throws SQLException {
        try (PreparedStatement sql = c.prepareStatement(insert)) {
            for (String[] row : rows) {
                sql.setLong(1, operation);
                sql.setString(2, row[0]);
                sql.setString(3, row[1]);
                sql.addBatch();
            }
            sql.executeBatch();
        }
    }

    /**
     * Makes every target due and waits until the service's watch cycle (triggered every second) has read them all:
     * targets per second from then to the last read's end, so the wait for the next trigger counts against us.
     */
    private static double timedCycle(DataSource db, int count) throws Exception {
        Instant start = Instant.now();
        try (Connection c = db.getConnection();
                PreparedStatement due = c.prepareStatement("update watch_target set next_read_at = ?")) {
            due.setTimestamp(1, Timestamp.from(start));
            due.executeUpdate();
        }
        try (Connection c = db.getConnection();
                PreparedStatement read = c.prepareStatement(
                        "select count(*), max(last_read_at) from watch_target where last_read_at >= ?")) {
            read.setTimestamp(1, Timestamp.from(start));
            Instant end = await().atMost(Duration.ofMinutes(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(
                            () -> {
                                try (ResultSet rs = read.executeQuery()) {
                                    rs.next();
                                    return rs.getLong(1) == count
                                            ? rs.getTimestamp(2).toInstant()
                                            : null;
                                }
                            },
                            Objects::nonNull);
            return count / (Duration.between(start, end).toNanos() / 1e9);
        }
    }

    private static long count(DataSource db, String table) throws SQLException {
        try (Connection c = db.getConnection();
                ResultSet rs = c.createStatement().executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String page(int i) {
        StringBuilder html =
                new StringBuilder("<html><head><title>Spoof shop ").append(i).append("</title></head><body>");
        for (int p = 0; p < 40; p++) {
            html.append("<p>Plan ")
                    .append(p)
                    .append(": spoof any caller ID from ")
                    .append(100 + p * i % 900)
                    .append(" USD a month, unlimited minutes, voice changer, support on @shop_")
                    .append((i + p) % 7)
                    .append("bot.</p>");
        }
        return html.append("</body></html>").toString();
    }

    /** The same URLs with the same concurrency, bodies read and dropped: what the fixtures can serve. */
    private static double rawFetch(List<String> urls, int threads) throws Exception {
        OkHttpClient client = new OkHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<Integer>> done = new ArrayList<>();
        for (String entry : urls) {
            String[] urlAndHost = entry.split("\\|", -1);
            done.add(pool.submit(() -> {
                Request.Builder request = new Request.Builder().url(urlAndHost[0]);
                if (!urlAndHost[1].isEmpty()) {
                    request.header("Host", urlAndHost[1]);
                }
                try (Response response = client.newCall(request.build()).execute()) {
                    return response.body().bytes().length;
                }
            }));
        }
        for (Future<Integer> f : done) {
            f.get();
        }
        pool.shutdown();
        return urls.size() / ((System.nanoTime() - start) / 1e9);
    }
}
