package org.takedown.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/** Web sites on 127.0.0.2, told apart by their Host header: each answers the status and HTML a test sets. */
public final class FakeSites implements AutoCloseable {

    /** The seizure banner as far as a probe is concerned: the marker every banner template carries. */
    public static final String BANNER = "<html><head><title>This website has been seized</title>"
            + "<meta name=\"takedown\" content=\"seizure-banner\"></head><body><h1>This website has been seized</h1>"
            + "<p>as part of a law enforcement action.</p></body></html>";

    record Site(int status, String html) {
    }

    private final HttpServer server;
    private final Map<String, Site> sites = new ConcurrentHashMap<>();

    private FakeSites() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 32);
        server.createContext("/", exchange -> {
            String host = exchange.getRequestHeaders().getFirst("Host");
            String name = host == null ? "" : host.replaceAll(":\\d+$", "").toLowerCase(Locale.ROOT);
            Site site = sites.getOrDefault(name, new Site(404, "<html><body>no such site</body></html>"));
            byte[] body = site.html().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(site.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public static FakeSites start() {
        try {
            return new FakeSites();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public FakeSites serve(String host, int status, String html) {
        sites.put(host.toLowerCase(Locale.ROOT), new Site(status, html));
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
