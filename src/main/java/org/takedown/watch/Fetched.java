package org.takedown.watch;

import java.net.InetAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.takedown.evidence.HttpExchange;

/**
 * What one fetch returned: the final URL after redirects (each hop listed), the address actually connected to, when
 * the answer arrived, the request headers as sent, the status, headers (names lowercased) and the decompressed body,
 * cut at the size cap ({@code truncated}).
 */
public record Fetched(URI url, List<URI> redirects, InetAddress address, Instant at, List<HttpExchange.Header> requestHeaders,
        int status, String reason, Map<String, List<String>> headers, byte[] body, boolean truncated) {

    /** The fetch as evidence keeps it. */
    public HttpExchange exchange() {
        return new HttpExchange(url, redirects, address, at, requestHeaders, status, reason, headers, body, truncated);
    }
}
