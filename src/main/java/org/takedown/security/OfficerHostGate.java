package org.takedown.security;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.takedown.common.HostNames;

/**
 * Host first: on the public port only an officer Host reaches the application's routes (API, OpenAPI,
 * Swagger UI). Every other Host — and any request whose Host is missing, repeated or contradicted by an
 * absolute-form target — gets the same neutral 404, before authentication runs. The management port
 * (health, metrics) has its own router and is not affected.
 */
@ApplicationScoped
public class OfficerHostGate {

    /** Ahead of Quarkus' authentication filters (negative orders close to zero) and of every application route. */
    static final int ORDER = Integer.MIN_VALUE + 2;
    private static final String NOT_FOUND = "Not Found\n";

    @Inject
    SecurityConfig config;

    private Set<String> officerHosts;

    void install(@Observes Router router) {
        officerHosts = config.officerHosts().stream()
                .map(h -> HostNames.fromHostHeader(h.strip())
                        .orElseThrow(() -> new IllegalArgumentException("takedown.officer-hosts: not a host name: " + h)))
                .collect(Collectors.toUnmodifiableSet());
        router.route().order(ORDER).handler(this::filter);
    }

    private void filter(RoutingContext ctx) {
        Optional<String> host = requestHost(ctx.request());
        if (host.isPresent() && officerHosts.contains(host.get())) {
            ctx.next();
            return;
        }
        ctx.response().setStatusCode(404)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
                .putHeader("X-Content-Type-Options", "nosniff")
                .end(NOT_FOUND);
    }

    /** The normalised Host of a request, or empty when it is missing, ambiguous or malformed. */
    static Optional<String> requestHost(HttpServerRequest request) {
        List<String> hosts = request.headers().getAll(HttpHeaders.HOST);
        if (hosts.size() != 1) {
            return Optional.empty();
        }
        Optional<String> host = HostNames.fromHostHeader(hosts.get(0));
        String target = request.uri();
        if (host.isPresent() && target != null && !target.startsWith("/")) {
            return absoluteTargetHost(target).equals(host) ? host : Optional.empty();
        }
        return host;
    }

    private static Optional<String> absoluteTargetHost(String target) {
        try {
            URI uri = new URI(target);
            return uri.getRawAuthority() == null ? Optional.empty() : HostNames.fromHostHeader(uri.getRawAuthority());
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
