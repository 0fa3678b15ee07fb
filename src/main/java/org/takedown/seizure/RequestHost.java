package org.takedown.seizure;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import org.takedown.common.HostNames;

/** The normalised Host of a request, or empty when it is missing, repeated, malformed or contradicted. */
final class RequestHost {

    private RequestHost() {}

    static Optional<String> of(HttpServerRequest request) {
        List<String> hosts = request.headers().getAll(HttpHeaders.HOST);
        if (hosts.size() != 1) {
            return Optional.empty();
        }
        Optional<String> host = HostNames.fromHostHeader(hosts.get(0));
        String target = request.uri();
        if (host.isPresent() && target != null && !target.startsWith("/")) {
            // An absolute-form target must name the same host as the Host header.
            return absoluteTargetHost(target).equals(host) ? host : Optional.empty();
        }
        return host;
    }

    private static Optional<String> absoluteTargetHost(String target) {
        try {
            URI uri = new URI(target);
            return uri.getRawAuthority() == null ? Optional.empty() : HostNames.fromHostHeader(uri.getRawAuthority());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
