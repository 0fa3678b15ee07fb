package org.takedown.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Web sites on 127.0.0.2, told apart by their Host header: each answers the status and HTML a test sets, over http
 * and over https ({@link #tlsPort()}) with a certificate for {@code *.tls.example} made for the run
 * ({@link #certificatePem()}: trust it and nothing else).
 */
public final class FakeSites implements AutoCloseable {

    /** The seizure banner as far as a probe is concerned: the marker every banner template carries. */
    public static final String BANNER = "<html><head><title>This website has been seized</title>"
            + "<meta name=\"takedown\" content=\"seizure-banner\"></head><body><h1>This website has been seized</h1>"
            + "<p>as part of a law enforcement action.</p></body></html>";

    record Site(int status, String html, String location) {}

    /** The names the https certificate is for. */
    public static final String TLS_DOMAIN = "tls.example";

    private final HttpServer server;
    private final HttpsServer tls;
    private final Path certificatePem;
    private final Map<String, Site> sites = new ConcurrentHashMap<>();

    private FakeSites() throws IOException, GeneralSecurityException, InterruptedException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 32);
        server.createContext("/", this::answer);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        Path dir = Files.createTempDirectory("fake-sites");
        Path keystore = dir.resolve("sites.p12");
        certificatePem = dir.resolve("sites.pem");
        keytool(
                "-genkeypair",
                "-alias",
                "sites",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=*." + TLS_DOMAIN + ",O=Fake Sites CA",
                "-ext",
                "SAN=dns:*." + TLS_DOMAIN,
                "-validity",
                "30",
                "-keystore",
                keystore.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD);
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "sites",
                "-keystore",
                keystore.toString(),
                "-storepass",
                PASSWORD,
                "-file",
                certificatePem.toString());
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        tls = HttpsServer.create(new InetSocketAddress("127.0.0.2", 0), 32);
        tls.setHttpsConfigurator(new HttpsConfigurator(context));
        tls.createContext("/", this::answer);
        tls.setExecutor(Executors.newCachedThreadPool());
        tls.start();
    }

    private static final String PASSWORD = "fake-sites";

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("keytool failed: " + output);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        String host = exchange.getRequestHeaders().getFirst("Host");
        String name = host == null ? "" : host.replaceAll(":\\d+$", "").toLowerCase(Locale.ROOT);
        Site site = sites.getOrDefault(name, new Site(404, "<html><body>no such site</body></html>", null));
        if (site.location() != null && !(exchange instanceof HttpsExchange)) {
            exchange.getResponseHeaders()
                    .add("Location", site.location().replace("{tlsPort}", Integer.toString(tlsPort())));
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
            return;
        }
        byte[] body = site.html().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(site.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    public static FakeSites start() {
        try {
            return new FakeSites();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public int tlsPort() {
        return tls.getAddress().getPort();
    }

    /** The https certificate, PEM: the one thing the fetch gate is told to trust besides the Java runtime's authorities. */
    public Path certificatePem() {
        return certificatePem;
    }

    public FakeSites serve(String host, int status, String html) {
        sites.put(host.toLowerCase(Locale.ROOT), new Site(status, html, null));
        return this;
    }

    /** Over http the site redirects to https on {@link #tlsPort()}, where it serves the page. */
    public FakeSites serveOverTls(String host, String html) {
        sites.put(host.toLowerCase(Locale.ROOT), new Site(200, html, "https://" + host + ":{tlsPort}/"));
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
        tls.stop(0);
    }
}
