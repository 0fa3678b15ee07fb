package org.takedown.evidence;

import java.net.InetAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request and its answer as evidence needs them: the URL fetched (after the redirects listed), the address
 * connected to, when the answer arrived, the request as sent and the response with its body as stored (decoded,
 * cut at the fetch size cap when {@code truncated}).
 */
public record HttpExchange(
        URI url,
        List<URI> redirects,
        InetAddress peer,
        Instant at,
        List<Header> requestHeaders,
        int status,
        String reason,
        Map<String, List<String>> responseHeaders,
        byte[] body,
        boolean truncated) {

    public record Header(String name, String value) {}
}
