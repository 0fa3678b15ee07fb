package org.takedown.watch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fetch gate against hostile targets, with a canary listening on every local address: each target is refused
 * with a reason, and the canary never sees a connection. The corpus runs without any allowed exception; only the
 * redirect cases need one reachable first hop, a fixture server on 127.0.0.2 allowed by a single /32.
 */
class FetchGateTest {

    /** The test's configuration of the gate. */
    record Config(
            Set<Integer> allowedPorts,
            int maxBodyBytes,
            Duration connectTimeout,
            Duration totalTimeout,
            int maxRedirects,
            Optional<List<String>> allowCidrs,
            String userAgent)
            implements FetchConfig {

        @Override
        public Optional<String> extraTrustedCertificates() {
            return Optional.empty();
        }
    }

    /** A resolver answering from a table and counting its questions. */
    static final class TableResolver implements HostResolver {
        final Map<String, List<List<InetAddress>>> answers = new HashMap<>();
        final AtomicInteger questions = new AtomicInteger();

        TableResolver answer(String host, String... addresses) {
            List<InetAddress> list = new ArrayList<>();
            for (String address : addresses) {
                list.add(AddressPolicy.literal(address));
            }
            answers.computeIfAbsent(host, h -> new ArrayList<>()).add(list);
            return this;
        }

        TableResolver answer(String host, InetAddress address) {
            answers.computeIfAbsent(host, h -> new ArrayList<>()).add(List.of(address));
            return this;
        }

        @Override
        public List<InetAddress> resolve(String host) throws UnknownHostException {
            int asked = questions.getAndIncrement();
            List<List<InetAddress>> sequence = answers.get(host);
            if (sequence == null) {
                throw new UnknownHostException(host);
            }
            // Successive questions get successive answers (the last repeats): a rebinding resolver.
            return sequence.get(Math.min(asked, sequence.size() - 1));
        }
    }

    static ServerSocket canary;
    static final AtomicInteger canaryConnections = new AtomicInteger();
    static HttpServer redirector;
    static int canaryPort;
    static int redirectorPort;

    @BeforeAll
    static void start() throws IOException {
        canary = new ServerSocket(0); // the wildcard address: every local IPv4 and IPv6 address
        canaryPort = canary.getLocalPort();
        Thread accept = new Thread(
                () -> {
                    while (!canary.isClosed()) {
                        try (Socket ignored = canary.accept()) {
                            canaryConnections.incrementAndGet();
                        } catch (IOException closed) {
                            return;
                        }
                    }
                },
                "canary");
        accept.setDaemon(true);
        accept.start();
        redirector = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 16);
        redirector.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            if (path.startsWith("/to")) {
                exchange.getResponseHeaders()
                        .add("Location", java.net.URLDecoder.decode(query, StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(302, -1);
            } else if (path.startsWith("/hop/")) {
                int left = Integer.parseInt(path.substring("/hop/".length()));
                exchange.getResponseHeaders().add("Location", left == 0 ? "/page" : "/hop/" + (left - 1));
                exchange.sendResponseHeaders(301, -1);
            } else if (path.equals("/bomb")) {
                ByteArrayOutputStream zipped = new ByteArrayOutputStream();
                try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
                    byte[] zeros = new byte[1 << 20];
                    for (int i = 0; i < 64; i++) {
                        gzip.write(zeros);
                    }
                }
                exchange.getResponseHeaders().add("Content-Encoding", "gzip");
                exchange.sendResponseHeaders(200, zipped.size());
                exchange.getResponseBody().write(zipped.toByteArray());
            } else if (path.equals("/slow")) {
                try {
                    Thread.sleep(5_000); // a server that never answers in time
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.sendResponseHeaders(200, -1);
            } else {
                byte[] body = ("<title>page</title> at " + path).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        redirector.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        redirector.start();
        redirectorPort = redirector.getAddress().getPort();
    }

    @AfterAll
    static void stop() throws IOException {
        canary.close();
        redirector.stop(0);
    }

    private static FetchGate gate(HostResolver resolver, List<String> allow, int maxBody, Duration total) {
        return gate(resolver, allow, maxBody, total, new SimpleMeterRegistry());
    }

    private static FetchGate gate(
            HostResolver resolver, List<String> allow, int maxBody, Duration total, MeterRegistry registry) {
        return new FetchGate(
                new Config(
                        Set.of(80, 443, canaryPort, redirectorPort),
                        maxBody,
                        Duration.ofSeconds(1),
                        total,
                        5,
                        Optional.of(allow),
                        "test"),
                resolver,
                registry);
    }

    private static FetchGate gate(HostResolver resolver) {
        return gate(resolver, List.of(), 2 << 20, Duration.ofSeconds(10));
    }

    static TableResolver hostileDns() throws UnknownHostException {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 127;
        mapped[15] = 1;
        return new TableResolver()
                .answer("localhost", "127.0.0.1", "::1")
                .answer("metadata.test", "169.254.169.254")
                .answer("mixed.test", "93.184.216.34", "10.0.0.7")
                .answer("v6private.test", "fd00::5")
                .answer("mapped.test", Inet6Address.getByAddress("mapped.test", mapped, -1))
                .answer("127.0.0.1.nip.io", "127.0.0.1")
                .answer("cgnat.test", "100.100.100.100")
                .answer("internal.corp.test", "172.20.1.1");
    }

    /** Hostile target and a fragment of the reason it must be refused for. */
    static List<String[]> corpus() {
        String p = ":" + canaryPort;
        return List.of(
                new String[] {"http://127.0.0.1" + p + "/", "loopback"},
                new String[] {"HTTP://127.0.0.1" + p + "/", "loopback"},
                new String[] {"http://localhost" + p + "/", "loopback"},
                new String[] {"http://2130706433" + p + "/", "non-canonical"},
                new String[] {"http://127.1" + p + "/", "non-canonical"},
                new String[] {"http://0x7f.0.0.1" + p + "/", "non-canonical"},
                new String[] {"http://0x7f000001" + p + "/", "non-canonical"},
                new String[] {"http://0177.0.0.1" + p + "/", "non-canonical"},
                new String[] {"http://017700000001" + p + "/", "non-canonical"},
                new String[] {"http://127.000.000.001" + p + "/", "non-canonical"},
                new String[] {"http://127.0.0.1." + p + "/", "non-canonical"},
                new String[] {"http://0" + p + "/", "non-canonical"},
                new String[] {"http://0.0.0.0" + p + "/", "unspecified"},
                new String[] {"http://[::1]" + p + "/", "loopback"},
                new String[] {"http://[::]" + p + "/", "unspecified"},
                new String[] {"http://[::ffff:127.0.0.1]" + p + "/", "loopback"},
                new String[] {"http://[::ffff:7f00:1]" + p + "/", "loopback"},
                new String[] {"http://[0:0:0:0:0:ffff:a00:1]" + p + "/", "private"},
                new String[] {"http://[::127.0.0.1]" + p + "/", "IPv4-compatible"},
                new String[] {"http://[64:ff9b::7f00:1]" + p + "/", "carrying a loopback"},
                new String[] {"http://[2002:7f00:1::]" + p + "/", "6to4 carrying a loopback"},
                new String[] {"http://[fe80::1]" + p + "/", "link-local"},
                new String[] {"http://[fc00::1]" + p + "/", "unique-local"},
                new String[] {"http://[fd12:3456::1]" + p + "/", "unique-local"},
                new String[] {"http://[ff02::1]" + p + "/", "multicast"},
                new String[] {"http://[2001:db8::1]" + p + "/", "documentation"},
                new String[] {"http://10.0.0.1" + p + "/", "private"},
                new String[] {"http://172.16.5.4" + p + "/", "private"},
                new String[] {"http://172.31.255.255" + p + "/", "private"},
                new String[] {"http://192.168.1.1" + p + "/", "private"},
                new String[] {"http://169.254.169.254/latest/meta-data/", "link-local"},
                new String[] {"http://100.64.0.1" + p + "/", "carrier-grade NAT"},
                new String[] {"http://100.127.255.254" + p + "/", "carrier-grade NAT"},
                new String[] {"http://224.0.0.1" + p + "/", "multicast"},
                new String[] {"http://239.255.255.250" + p + "/", "multicast"},
                new String[] {"http://240.0.0.1" + p + "/", "reserved"},
                new String[] {"http://255.255.255.255" + p + "/", "broadcast"},
                new String[] {"http://192.0.0.1" + p + "/", "reserved"},
                new String[] {"http://198.18.0.1" + p + "/", "benchmarking"},
                new String[] {"http://metadata.test" + p + "/", "link-local"},
                new String[] {"http://mixed.test" + p + "/", "private"},
                new String[] {"http://v6private.test" + p + "/", "unique-local"},
                new String[] {"http://mapped.test" + p + "/", "loopback"},
                new String[] {"http://127.0.0.1.nip.io" + p + "/", "loopback"},
                new String[] {"http://cgnat.test" + p + "/", "carrier-grade NAT"},
                new String[] {"http://internal.corp.test" + p + "/", "private"},
                new String[] {"file:///etc/passwd", "scheme 'file'"},
                new String[] {"jar:file:///tmp/x.jar!/a", "scheme 'jar'"},
                new String[] {"gopher://127.0.0.1" + p + "/_x", "scheme 'gopher'"},
                new String[] {"javascript:alert(1)", "scheme 'javascript'"},
                new String[] {"ftp://example.com/", "scheme 'ftp'"},
                new String[] {"dict://127.0.0.1" + p + "/", "scheme 'dict'"},
                new String[] {"//127.0.0.1" + p + "/", "scheme ''"},
                new String[] {"http://user:pass@example.com/", "user info"},
                new String[] {"http://example.com@127.0.0.1" + p + "/", "user info"},
                new String[] {"http://127.0.0.1\\@example.com/", "backslashes"},
                new String[] {"http://example.com\\.127.0.0.1" + p + "/", "backslashes"},
                new String[] {"http://exa mple.com/", "whitespace"},
                new String[] {"http://example.com/\r\nHost: 127.0.0.1", "control characters"},
                new String[] {"http://example.com:22/", "port 22"},
                new String[] {"https://example.com:8443/", "port 8443"},
                new String[] {"http:///etc/passwd", "no valid host"},
                new String[] {"http://[::1" + p + "/", "not a valid URL"},
                new String[] {"http://exa_mple..com/", "no valid host: exa_mple..com"});
    }

    @Test
    void everyHostileTargetIsRefusedWithAReasonAndNothingConnects() throws Exception {
        MeterRegistry metrics = new SimpleMeterRegistry();
        FetchGate gate = gate(hostileDns(), List.of(), 2 << 20, Duration.ofSeconds(10), metrics);
        List<String[]> corpus = corpus();
        assertTrue(corpus.size() >= 40, "at least 40 hostile targets: " + corpus.size());
        for (String[] entry : corpus) {
            FetchRefused refused = assertThrows(FetchRefused.class, () -> gate.fetch(entry[0]), entry[0]);
            assertTrue(
                    refused.getMessage().contains(entry[1]), entry[0] + " refused, but for: " + refused.getMessage());
            FetchRefused atSave =
                    assertThrows(FetchRefused.class, () -> gate.vet(entry[0]), "at save time: " + entry[0]);
            assertEquals(refused.getMessage(), atSave.getMessage(), "the same reason at save time");
        }
        assertEquals(0, canaryConnections.get(), "the canary on every local address saw no connection");
        assertEquals(
                corpus.size(),
                metrics.get("takedown.fetch.refusals").counter().count(),
                "every refused fetch counted (a refusal at save time is the officer's error, not counted)");
    }

    @Test
    void redirectsAreFollowedHereAndEveryHopIsChecked() throws Exception {
        FetchGate gate = gate(hostileDns(), List.of("127.0.0.2/32"), 2 << 20, Duration.ofSeconds(10));
        String redirector = "http://127.0.0.2:" + redirectorPort;
        Map<String, String> intoPrivateSpace = Map.of(
                "http://127.0.0.1:" + canaryPort + "/",
                "loopback",
                "http://[::1]:" + canaryPort + "/",
                "loopback",
                "http://169.254.169.254/latest/meta-data/",
                "link-local",
                "http://metadata.test:" + canaryPort + "/",
                "link-local",
                "http://2130706433:" + canaryPort + "/",
                "non-canonical",
                "file:///etc/passwd",
                "scheme 'file'",
                "gopher://127.0.0.1:" + canaryPort + "/",
                "scheme 'gopher'");
        for (var target : intoPrivateSpace.entrySet()) {
            String url = redirector + "/to?" + java.net.URLEncoder.encode(target.getKey(), StandardCharsets.UTF_8);
            FetchRefused refused = assertThrows(FetchRefused.class, () -> gate.fetch(url), url);
            assertTrue(refused.getMessage().contains(target.getValue()), url + ": " + refused.getMessage());
            String twice = redirector + "/to?" + java.net.URLEncoder.encode(url, StandardCharsets.UTF_8);
            FetchRefused chained = assertThrows(FetchRefused.class, () -> gate.fetch(twice), twice);
            assertTrue(chained.getMessage().contains(target.getValue()), "a chain of two: " + chained.getMessage());
        }
        FetchRefused tooMany = assertThrows(FetchRefused.class, () -> gate.fetch(redirector + "/hop/5"));
        assertTrue(tooMany.getMessage().contains("more than 5 redirects"), tooMany.getMessage());
        assertEquals(0, canaryConnections.get(), "no redirect reached the canary");

        Fetched five = gate.fetch(redirector + "/hop/4");
        assertEquals(200, five.status());
        assertEquals(5, five.redirects().size(), "five hops are allowed: " + five.redirects());
        assertEquals("/page", five.url().getPath());
        assertEquals(AddressPolicy.literal("127.0.0.2"), five.address(), "connected to the checked address");
        assertTrue(new String(five.body(), StandardCharsets.UTF_8).contains("<title>page</title>"));
    }

    @Test
    void theConnectionGoesToTheAddressThatWasCheckedNotToASecondAnswer() throws Exception {
        // Public first, loopback on every later question: the gate must ask once per hop and connect to the first.
        TableResolver rebinding =
                new TableResolver().answer("rebind.test", "93.184.216.34").answer("rebind.test", "127.0.0.1");
        FetchGate gate = gate(rebinding);
        try {
            gate.fetch("http://rebind.test:" + canaryPort + "/");
            fail("the public address is not reachable from this machine, so the fetch cannot succeed");
        } catch (IOException expected) {
            // Connecting to 93.184.216.34 failed or timed out: what matters is where it did not go.
        }
        assertEquals(1, rebinding.questions.get(), "resolved once");
        assertEquals(0, canaryConnections.get(), "never connected to the second answer");
    }

    @Test
    void bodiesAreCappedAfterDecompression() throws Exception {
        FetchGate gate = gate(new TableResolver(), List.of("127.0.0.2/32"), 64 * 1024, Duration.ofSeconds(10));
        Fetched bomb = gate.fetch("http://127.0.0.2:" + redirectorPort + "/bomb");
        assertEquals(200, bomb.status());
        assertTrue(bomb.truncated(), "64 MB of zeros behind 64 KB of gzip is cut off");
        assertEquals(64 * 1024, bomb.body().length);
        assertArrayEquals(new byte[64 * 1024], bomb.body(), "decompressed, not the gzip bytes");
        Fetched page = gate.fetch("http://127.0.0.2:" + redirectorPort + "/small");
        assertFalse(page.truncated());
        assertEquals("<title>page</title> at /small", new String(page.body(), StandardCharsets.UTF_8));
        assertTrue(
                page.headers().containsKey("content-length"),
                "headers by lowercased name: " + page.headers().keySet());
    }

    @Test
    void aServerThatDoesNotAnswerInTimeFailsTheFetch() {
        FetchGate gate = gate(new TableResolver(), List.of("127.0.0.2/32"), 1024, Duration.ofSeconds(1));
        assertThrows(InterruptedIOException.class, () -> gate.fetch("http://127.0.0.2:" + redirectorPort + "/slow"));
    }

    @Test
    void allowedRangesMustBeAddressLiterals() {
        assertThrows(
                IllegalArgumentException.class,
                () -> gate(new TableResolver(), List.of("localhost/8"), 1024, Duration.ofSeconds(1)));
        assertThrows(
                IllegalArgumentException.class,
                () -> gate(new TableResolver(), List.of("10.0.0.0/33"), 1024, Duration.ofSeconds(1)));
        assertThrows(
                IllegalArgumentException.class,
                () -> gate(new TableResolver(), List.of("10.0.0.0"), 1024, Duration.ofSeconds(1)));
    }
}
