package org.takedown.bench;

import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.takedown.support.Api;
import org.takedown.support.EmbeddedPostgresResource;
import org.takedown.support.FakeChannelPreview;
import org.takedown.support.FakeDns;
import org.takedown.support.FakeSites;
import org.takedown.support.PostgresProfile;
import org.takedown.watch.DomainProbe;
import org.takedown.watch.Sighting;
import org.takedown.watch.WatchCycleJob;
import org.takedown.watch.WatchPost;
import org.takedown.watch.WatchTarget;
import org.takedown.watch.WatchTargetKind;

/**
 * Run by {@code bench/watch.sh}, not by {@code ./mvnw verify} (the name does not end in Test): one operation watching
 * {@code bench.channels} channel previews and {@code bench.domains} domains served by local fixtures, on PostgreSQL,
 * with the production read concurrency. Times a first cycle (every page new: posts, sightings, captures, history
 * rows) and a second (nothing changed: fetch, parse, compare), against a reference measured in the same run: the
 * same URLs fetched raw from the same fixtures with the same concurrency, nothing parsed or stored.
 */
@QuarkusTest
@TestProfile(WatchCycleBench.Bench.class)
public class WatchCycleBench {

    /** PostgreSQL (its own process, so the JVM's memory is the service's and the fixtures'), plus all fixtures. */
    public static class Bench implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return new PostgresProfile().getConfigOverrides();
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(BenchFixtures.class), new TestResourceEntry(EmbeddedPostgresResource.class));
        }
    }

    /** The channel previews, DNS and sites, with the gate opened to 127.0.0.2 and both fixture ports. */
    public static class BenchFixtures implements QuarkusTestResourceLifecycleManager {
        FakeChannelPreview telegram;
        FakeDns dns;
        FakeSites sites;

        @Override
        public Map<String, String> start() {
            telegram = FakeChannelPreview.start();
            dns = FakeDns.start();
            sites = FakeSites.start();
            return Map.of(
                    "takedown.watch.telegram-preview-url", "http://127.0.0.2:" + telegram.port(),
                    "takedown.probe.dns-server", dns.address(),
                    "takedown.probe.url", "http://{domain}:" + sites.port() + "/",
                    "takedown.fetch.allow-cidrs", "127.0.0.2/32",
                    "takedown.fetch.allowed-ports", "80,443," + telegram.port() + "," + sites.port());
        }

        @Override
        public void inject(TestInjector injector) {
            injector.injectIntoFields(telegram, new TestInjector.MatchesType(FakeChannelPreview.class));
            injector.injectIntoFields(dns, new TestInjector.MatchesType(FakeDns.class));
            injector.injectIntoFields(sites, new TestInjector.MatchesType(FakeSites.class));
        }

        @Override
        public void stop() {
            telegram.close();
            dns.close();
            sites.close();
        }
    }

    FakeChannelPreview telegram;
    FakeDns dns;
    FakeSites sites;
    @Inject
    WatchCycleJob cycle;

    @Test
    void oneCycleOverAllTargets() throws Exception {
        int channels = Integer.getInteger("bench.channels", 5000);
        int domains = Integer.getInteger("bench.domains", 5000);
        long setup = System.nanoTime();
        long op = org.takedown.support.Fixtures.operationIn("ACTIVE").operation();
        for (String[] rule : new String[][] {{"KEYWORD", "caller id"}, {"REGEX", "@shop_[0-2]bot"}, {"KEYWORD", "voice changer"}}) {
            Api.as("officer1").body(Map.of("kind", rule[0], "pattern", rule[1])).post("/api/operations/{id}/watch-rules", op)
                    .then().statusCode(201);
        }
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
        insert(op, targets);
        System.out.printf("setup: %d channels and %d domains watched in %.1f s%n", channels, domains, (System.nanoTime() - setup) / 1e9);

        double reference = rawFetch(urls, 8);
        double first = timedCycle(op, targets.size());
        long posts = QuarkusTransaction.requiringNew().call(() -> WatchPost.count());
        long probes = QuarkusTransaction.requiringNew().call(() -> DomainProbe.count());
        long sightings = QuarkusTransaction.requiringNew().call(() -> Sighting.count());
        System.out.printf("PHASE steady cycle from %s%n", Instant.now());
        double second = timedCycle(op, targets.size());
        long probesAfter = QuarkusTransaction.requiringNew().call(() -> DomainProbe.count());
        Runtime.getRuntime().gc();
        long heap = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
        System.out.printf("RESULT targets=%d reference=%.0f/s first_cycle=%.0f/s (%.2f of reference) steady_cycle=%.0f/s (%.2f of reference)"
                + " peak_rss=%d MB heap_after_gc=%d MB max_heap=%d MB%n", targets.size(), reference, first, first / reference, second,
                second / reference, peakRssMb(), heap, Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("DETAIL first cycle stored %d posts, %d history rows, %d sightings; the steady cycle added %d history rows%n",
                posts, probes, sightings, probesAfter - probes);
    }

    private static String page(int i) {
        StringBuilder html = new StringBuilder("<html><head><title>Spoof shop ").append(i).append("</title></head><body>");
        for (int p = 0; p < 40; p++) {
            html.append("<p>Plan ").append(p).append(": spoof any caller ID from ").append(100 + p * i % 900)
                    .append(" USD a month, unlimited minutes, voice changer, support on @shop_").append((i + p) % 7).append("bot.</p>");
        }
        return html.append("</body></html>").toString();
    }

    private static void insert(long op, List<String[]> targets) {
        Instant later = Instant.parse("2100-01-01T00:00:00Z");
        for (int from = 0; from < targets.size(); from += 500) {
            List<String[]> batch = targets.subList(from, Math.min(targets.size(), from + 500));
            QuarkusTransaction.requiringNew().run(() -> batch.forEach(t -> {
                WatchTarget target = new WatchTarget();
                target.operationId = op;
                target.kind = WatchTargetKind.valueOf(t[0]);
                target.value = t[1];
                target.createdAt = Instant.now();
                target.nextReadAt = later;
                target.persist();
            }));
        }
    }

    /** Targets read per second in one cycle over everything, from claiming the first to the last read's end. */
    private double timedCycle(long op, int count) {
        QuarkusTransaction.requiringNew().run(() -> {
            WatchTarget.update("nextReadAt = ?1", Instant.parse("2100-01-01T00:00:00Z"));
            WatchTarget.update("nextReadAt = ?1 where operationId = ?2 and value like 'bench%'", Instant.now().minusSeconds(1), op);
        });
        long start = System.nanoTime();
        int started = cycle.cycle();
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(20)).until(() -> cycle.reading() == 0);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (started != count) {
            throw new IllegalStateException("the cycle started " + started + " reads for " + count + " targets");
        }
        return count / seconds;
    }

    /** The same URLs fetched with the same concurrency, bodies read and dropped: what the fixtures can serve. */
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

    private static long peakRssMb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) >> 10;
            }
        }
        return -1;
    }
}
