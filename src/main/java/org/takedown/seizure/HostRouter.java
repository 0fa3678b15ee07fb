package org.takedown.seizure;

import io.vertx.core.VertxException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.takedown.notice.WebhookHosts;
import org.takedown.security.OfficerHosts;

/**
 * Host first, on the public port, before authentication and every application route: an officer Host goes on to
 * the application (API, OpenAPI, console); a webhook host reaches the Telegram webhook path only; a host of a live seized domain gets its banner on every path and can
 * reach nothing else; every other request — unknown host, not live yet, retired, banners stopped, missing or
 * ambiguous Host — gets the same neutral 404. Liveness is decided here against the clock from the in-memory
 * snapshot: no database access per request, and no dependence on a trigger firing on time.
 */
@ApplicationScoped
public class HostRouter {

    private static final Logger LOG = Logger.getLogger(HostRouter.class);

    /** Ahead of Quarkus' authentication filters (negative orders close to zero) and of every application route. */
    static final int ORDER = Integer.MIN_VALUE + 2;

    @Inject
    OfficerHosts officerHosts;

    @Inject
    WebhookHosts webhookHosts;

    @Inject
    BannerSnapshots snapshots;

    @Inject
    BannerResponder responder;

    @Inject
    Clock clock;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::route);
        router.route().order(ORDER - 1).failureHandler(this::refuseMalformed);
    }

    /**
     * A request HTTP itself cannot read (a header folded onto the next line, obs-fold, that leaves the Host unreadable;
     * a header Netty could not decode) gets the same plain 400 as every other malformed request, on every host: not
     * Quarkus' error document, and no ERROR line, since the fault is the client's.
     */
    private void refuseMalformed(RoutingContext context) {
        Throwable failure = context.failure();
        boolean malformed = context.request().decoderResult().isFailure()
                || failure instanceof VertxException
                        && failure.getMessage() != null
                        && failure.getMessage().contains("'Host' header");
        if (!malformed || context.response().ended()) {
            context.next();
            return;
        }
        LOG.debugf(
                "Malformed request refused: %s",
                failure == null ? context.request().decoderResult().cause() : failure.getMessage());
        context.response()
                .setStatusCode(400)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end("Bad Request\n");
    }

    private void route(RoutingContext context) {
        Optional<String> host = RequestHost.of(context.request());
        if (host.isPresent()
                && (officerHosts.contains(host.get()) || webhookHosts.admits(host.get(), context.normalizedPath()))) {
            context.next();
            return;
        }
        LiveHost live = host.map(h -> snapshots.current().lookup(h)).orElse(null);
        Instant now = clock.instant();
        if (live == null || !live.isLiveAt(now)) {
            responder.notFound(context.request());
        } else {
            responder.serve(context.request(), live, now);
        }
    }
}
