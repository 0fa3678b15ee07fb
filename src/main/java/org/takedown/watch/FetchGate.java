package org.takedown.watch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.net.ssl.X509TrustManager;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.takedown.common.HostNames;
import org.takedown.evidence.HttpExchange;

/**
 * The one way out to the internet for watching. A URL must be http or https on an allowed port, without user info
 * or backslashes, its host a DNS name or a canonical address literal (no {@code 2130706433} or {@code 127.1}).
 * Every address the host resolves to must be public ({@link AddressPolicy}); the connection then goes to those
 * checked addresses and nowhere else — the name is not resolved a second time, so DNS rebinding gains nothing.
 * Redirects are followed here, each hop checked the same way, at most {@code maxRedirects}. Bodies are read
 * decompressed up to {@code maxBodyBytes} (a gzip bomb stops there), within a connect and a total time limit.
 */
@Startup // its refusal counter is exposed from the first scrape, before any fetch
@ApplicationScoped
public class FetchGate {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Pattern NUMERIC_HOST =
            Pattern.compile("(?:0[xX][0-9a-fA-F]*|[0-9]+)(?:\\.(?:0[xX][0-9a-fA-F]*|[0-9]+))*\\.?");
    private static final Pattern DOTTED_QUAD =
            Pattern.compile("(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
                    + "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

    /** A URL that passed the static checks: where to connect, and the address if the host is a literal. */
    private record Target(URI uri, String host, Optional<InetAddress> literal) {}

    private final FetchConfig config;
    private final HostResolver resolver;
    private final AddressPolicy policy;
    private final OkHttpClient client;
    private final Counter refusals;

    @Inject
    public FetchGate(FetchConfig config, HostResolver resolver, MeterRegistry registry) {
        this.config = config;
        this.resolver = resolver;
        this.refusals = Counter.builder("takedown.fetch.refusals")
                .description("Watch fetches refused by the gate (address, scheme, port, redirect)")
                .register(registry);
        this.policy = new AddressPolicy(
                config.allowCidrs().orElse(List.of()).stream().map(Cidr::parse).toList());
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .proxy(Proxy.NO_PROXY)
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                // No pooled connection may outlive the check that allowed it.
                .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS))
                .protocols(List.of(Protocol.HTTP_1_1))
                .connectTimeout(config.connectTimeout());
        config.extraTrustedCertificates().ifPresent(pem -> {
            X509TrustManager trust = ExtraTrust.of(Path.of(pem));
            builder.sslSocketFactory(ExtraTrust.socketFactory(trust), trust);
        });
        this.client = builder.build();
    }

    /**
     * Checks a URL an officer is saving as the fetch would, as far as can be known now: its form, and the addresses
     * its host resolves to today (a name that does not resolve yet is accepted; it is checked again at every fetch).
     */
    public void vet(String url) throws FetchRefused {
        Target target = target(url);
        try {
            addresses(target);
        } catch (UnknownHostException notYet) {
            // Checked again when fetched.
        }
    }

    /** Fetches with GET, following redirects through the same checks. */
    public Fetched fetch(String url) throws FetchRefused, IOException {
        try {
            return checkedFetch(url);
        } catch (FetchRefused refused) {
            refusals.increment();
            throw refused;
        }
    }

    private Fetched checkedFetch(String url) throws FetchRefused, IOException {
        long deadline = System.nanoTime() + config.totalTimeout().toNanos();
        Target target = target(url);
        List<URI> hops = new ArrayList<>();
        while (true) {
            List<InetAddress> addresses = addresses(target);
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.isNegative() || left.isZero()) {
                throw new IOException("no time left for " + target.uri() + " within "
                        + config.totalTimeout().toSeconds() + " s");
            }
            InetAddress[] connected = new InetAddress[1];
            OkHttpClient call = client.newBuilder()
                    .dns(host -> addresses)
                    .readTimeout(left)
                    .callTimeout(left)
                    .eventListener(new EventListener() {
                        @Override
                        public void connectEnd(Call c, InetSocketAddress address, Proxy proxy, Protocol protocol) {
                            connected[0] = address.getAddress();
                        }
                    })
                    .build();
            Request request = new Request.Builder()
                    .url(target.uri().toString())
                    .header("User-Agent", config.userAgent())
                    .get()
                    .build();
            try (Response response = call.newCall(request).execute()) {
                String location = response.header("Location");
                if (REDIRECTS.contains(response.code()) && location != null) {
                    if (hops.size() == config.maxRedirects()) {
                        throw new FetchRefused(
                                "more than " + config.maxRedirects() + " redirects, the last to " + location);
                    }
                    URI next;
                    try {
                        next = target.uri().resolve(new URI(location.strip()));
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        throw new FetchRefused("redirect to an invalid URL: " + location);
                    }
                    hops.add(target.uri());
                    target = target(next.toString());
                    continue;
                }
                return read(target.uri(), hops, connected[0], response);
            }
        }
    }

    private Fetched read(URI url, List<URI> hops, InetAddress address, Response response) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>();
        response.headers()
                .toMultimap()
                .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        ResponseBody body = response.body();
        long max = config.maxBodyBytes();
        Buffer buffer = new Buffer();
        if (body != null) {
            BufferedSource source = body.source();
            while (buffer.size() <= max && source.read(buffer, 8192) != -1) {
                // Reads on until the cap is passed or the body ends; OkHttp has already undone gzip.
            }
        }
        boolean truncated = buffer.size() > max;
        byte[] bytes = buffer.readByteArray(Math.min(buffer.size(), max));
        Fetched.Certificate certificate = null;
        if (response.handshake() != null
                && !response.handshake().peerCertificates().isEmpty()
                && response.handshake().peerCertificates().get(0) instanceof X509Certificate x509) {
            certificate = Fetched.Certificate.of(x509);
        }
        Request sent =
                response.networkResponse() != null ? response.networkResponse().request() : response.request();
        List<HttpExchange.Header> requestHeaders = new ArrayList<>();
        sent.headers()
                .forEach(header -> requestHeaders.add(new HttpExchange.Header(header.getFirst(), header.getSecond())));
        return new Fetched(
                url,
                List.copyOf(hops),
                address,
                Instant.ofEpochMilli(response.receivedResponseAtMillis()),
                List.copyOf(requestHeaders),
                response.code(),
                response.message(),
                headers,
                bytes,
                truncated,
                certificate);
    }

    private Target target(String url) throws FetchRefused {
        if (url == null || url.isEmpty() || url.length() > 4096) {
            throw new FetchRefused("a URL of 1 to 4096 characters is needed");
        }
        if (url.chars().anyMatch(c -> c <= 0x20 || c == 0x7f || c == '\\')) {
            throw new FetchRefused("the URL contains whitespace, control characters or backslashes");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new FetchRefused("not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchRefused("scheme '" + scheme + "' is not allowed: http and https only");
        }
        if (uri.getRawUserInfo() != null) {
            throw new FetchRefused("user info in a URL is refused");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            // java.net.URI gives no host for authorities it cannot parse as one (e.g. "127.1"): say what it was.
            String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
            if (authority.contains("@")) {
                throw new FetchRefused("user info in a URL is refused");
            }
            String bare = authority.replaceFirst(":[0-9]*$", "");
            if (NUMERIC_HOST.matcher(bare).matches()) {
                throw new FetchRefused(
                        "host " + bare + " is a non-canonical IPv4 form (decimal, octal, hex or shortened)");
            }
            throw new FetchRefused("the URL has no valid host" + (authority.isEmpty() ? "" : ": " + authority));
        }
        int port = uri.getPort() == -1 ? (scheme.equals("https") ? 443 : 80) : uri.getPort();
        if (!config.allowedPorts().contains(port)) {
            throw new FetchRefused("port " + port + " is not allowed (allowed: "
                    + new java.util.TreeSet<>(config.allowedPorts()) + ")");
        }
        if (host.startsWith("[")) {
            return checkedLiteral(uri, host, host.substring(1, host.length() - 1));
        }
        if (NUMERIC_HOST.matcher(host).matches()) {
            if (!DOTTED_QUAD.matcher(host).matches()) {
                throw new FetchRefused(
                        "host " + host + " is a non-canonical IPv4 form (decimal, octal, hex or shortened)");
            }
            return checkedLiteral(uri, host, host);
        }
        String name = HostNames.normalise(host)
                .orElseThrow(() -> new FetchRefused("host " + host + " is not a valid host name"));
        return new Target(uri, name, Optional.empty());
    }

    private Target checkedLiteral(URI uri, String host, String literal) throws FetchRefused {
        InetAddress address;
        try {
            address = AddressPolicy.literal(literal);
        } catch (IllegalArgumentException e) {
            throw new FetchRefused("host " + host + " is not a valid address");
        }
        Optional<String> refusal = policy.refusal(address);
        if (refusal.isPresent()) {
            throw new FetchRefused("host " + host + ": " + refusal.get());
        }
        return new Target(uri, host, Optional.of(address));
    }

    /** Every address of the host, each allowed; the connection may go to these only. */
    private List<InetAddress> addresses(Target target) throws FetchRefused, UnknownHostException {
        if (target.literal().isPresent()) {
            return List.of(target.literal().get());
        }
        List<InetAddress> addresses = resolver.resolve(target.host());
        if (addresses.isEmpty()) {
            throw new UnknownHostException(target.host() + " has no A or AAAA record");
        }
        for (InetAddress address : addresses) {
            Optional<String> refusal = policy.refusal(address);
            if (refusal.isPresent()) {
                throw new FetchRefused("host " + target.host() + " resolves to " + refusal.get());
            }
        }
        return List.copyOf(addresses);
    }
}
