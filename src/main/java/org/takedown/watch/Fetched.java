package org.takedown.watch;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * What one fetch returned: the final URL after redirects (each hop listed), the address actually connected to, the
 * status, headers (names lowercased) and the decompressed body, cut at the size cap ({@code truncated}).
 */
public record Fetched(URI url, List<URI> redirects, InetAddress address, int status, Map<String, List<String>> headers,
        byte[] body, boolean truncated) {
}
