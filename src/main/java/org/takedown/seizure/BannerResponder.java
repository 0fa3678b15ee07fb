package org.takedown.seizure;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Writes every response on a seized or unknown host. All of them — banner, asset, robots.txt, 404, 405 — carry
 * the same strict headers: a CSP that allows only this host's own styles, images and script, no framing, no base
 * or form targets; nosniff; no referrer; HSTS over TLS; UTF-8; never a cookie.
 */
@ApplicationScoped
class BannerResponder {

    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    static final byte[] NOT_FOUND =
            ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not Found</title>"
                            + "</head><body><h1>Not Found</h1></body></html>\n")
                    .getBytes(StandardCharsets.UTF_8);
    static final byte[] METHOD_NOT_ALLOWED = ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                    + "<title>Method Not Allowed</title></head><body><h1>Method Not Allowed</h1></body></html>\n")
            .getBytes(StandardCharsets.UTF_8);
    private static final String HTML = "text/html; charset=utf-8";
    private static final String ALLOW = "GET, HEAD";
    // Header names and values written on every response, encoded once.
    private static final CharSequence CSP_NAME = HttpHeaders.createOptimized("Content-Security-Policy");
    private static final CharSequence CSP_VALUE = HttpHeaders.createOptimized(CSP);
    private static final CharSequence NOSNIFF_NAME = HttpHeaders.createOptimized("X-Content-Type-Options");
    private static final CharSequence NOSNIFF = HttpHeaders.createOptimized("nosniff");
    private static final CharSequence REFERRER_NAME = HttpHeaders.createOptimized("Referrer-Policy");
    private static final CharSequence NO_REFERRER = HttpHeaders.createOptimized("no-referrer");
    private static final CharSequence FRAME_NAME = HttpHeaders.createOptimized("X-Frame-Options");
    private static final CharSequence DENY = HttpHeaders.createOptimized("DENY");
    private static final CharSequence CORP_NAME = HttpHeaders.createOptimized("Cross-Origin-Resource-Policy");
    private static final CharSequence SAME_ORIGIN = HttpHeaders.createOptimized("same-origin");
    private static final CharSequence NO_CACHE = HttpHeaders.createOptimized("no-cache");
    private static final CharSequence VARY = HttpHeaders.createOptimized("Accept-Encoding, Accept-Language");
    private static final CharSequence HTML_TYPE = HttpHeaders.createOptimized(HTML);

    @Inject
    BannerTemplates templates;

    @Inject
    BannerRenderer renderer;

    @Inject
    BannerConfig config;

    @Inject
    VisitRecorder visits;

    void notFound(HttpServerRequest request) {
        HttpServerResponse response = hygiene(request).setStatusCode(404);
        response.putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        send(request, response, HTML, NOT_FOUND);
        visits.response(null, 404);
    }

    void serve(HttpServerRequest request, LiveHost host, Instant now) {
        HttpServerResponse response = hygiene(request);
        String path = request.path() == null ? "/" : request.path();
        boolean read = request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD;
        if (!read) {
            response.setStatusCode(405)
                    .putHeader(HttpHeaders.ALLOW, ALLOW)
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            send(request, response, HTML, METHOD_NOT_ALLOWED);
            visits.response(host, 405);
        } else if (path.startsWith(BannerRenderer.ASSET_PREFIX)) {
            asset(request, response, host, path.substring(BannerRenderer.ASSET_PREFIX.length()));
        } else if (path.equals("/robots.txt")) {
            response.putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=3600");
            send(
                    request,
                    response,
                    "text/plain; charset=utf-8",
                    (config.allowIndexing() ? "User-agent: *\nAllow: /\n" : "User-agent: *\nDisallow: /\n")
                            .getBytes(StandardCharsets.UTF_8));
            visits.response(host, 200);
        } else {
            page(request, response, host, now);
        }
    }

    private void page(HttpServerRequest request, HttpServerResponse response, LiveHost host, Instant now) {
        OperationBanner banner = host.banner();
        String requested = request.query() == null ? null : request.getParam("lang");
        String language = LanguageChoice.choose(
                requested, request.getHeader(HttpHeaders.ACCEPT_LANGUAGE), banner.languages(), banner.defaultLanguage);
        RenderedPage page = banner.page(host, language, now, renderer);
        int status = host.unavailableForLegalReasons() ? 451 : 200;
        if (status == 451) {
            response.putHeader("Link", "<" + host.blockedBy() + ">; rel=\"blocked-by\"");
        }
        response.putHeader(HttpHeaders.CACHE_CONTROL, NO_CACHE)
                .putHeader(HttpHeaders.VARY, VARY)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, language)
                .putHeader(HttpHeaders.ETAG, page.etag());
        visits.pageView(host, request, language, now, status);
        if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), page.etag())) {
            response.setStatusCode(304).end();
            return;
        }
        response.setStatusCode(status);
        if (acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING))) {
            response.putHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
            send(request, response, HTML_TYPE, page.gzip());
        } else {
            send(request, response, HTML_TYPE, page.html());
        }
    }

    private void asset(HttpServerRequest request, HttpServerResponse response, LiveHost host, String name) {
        byte[] bytes;
        String type;
        String etag;
        String caching;
        OperationBanner.Agency agency =
                name.startsWith("emblem/") ? host.banner().agencyByEmblem(name) : null;
        BannerTemplates.Asset asset = templates.asset(name);
        if (agency != null) {
            bytes = agency.emblem();
            type = agency.emblemType();
            etag = "\"" + agency.emblemSha256() + "\"";
            caching = "public, max-age=31536000, immutable";
        } else if (asset != null) {
            bytes = asset.bytes();
            type = asset.contentType();
            etag = asset.etag();
            caching = "public, max-age=300";
        } else {
            response.setStatusCode(404).putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            send(request, response, HTML, NOT_FOUND);
            visits.response(host, 404);
            return;
        }
        response.putHeader(HttpHeaders.ETAG, etag).putHeader(HttpHeaders.CACHE_CONTROL, caching);
        visits.response(host, 200);
        if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setStatusCode(304).end();
            return;
        }
        send(request, response, type, bytes);
    }

    private static HttpServerResponse hygiene(HttpServerRequest request) {
        HttpServerResponse response = request.response();
        response.putHeader(CSP_NAME, CSP_VALUE)
                .putHeader(NOSNIFF_NAME, NOSNIFF)
                .putHeader(REFERRER_NAME, NO_REFERRER)
                .putHeader(FRAME_NAME, DENY)
                .putHeader(CORP_NAME, SAME_ORIGIN);
        if ("https".equals(request.scheme())) {
            response.putHeader("Strict-Transport-Security", "max-age=31536000");
        }
        return response;
    }

    private static void send(HttpServerRequest request, HttpServerResponse response, CharSequence type, byte[] body) {
        response.putHeader(HttpHeaders.CONTENT_TYPE, type);
        if (request.method() == HttpMethod.HEAD) {
            response.putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length))
                    .end();
        } else {
            response.end(Buffer.buffer(body));
        }
    }

    /** {@code If-None-Match}: a list of entity tags, weak or strong, or {@code *}. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].strip();
            if (name.equalsIgnoreCase("gzip") || name.equals("*")) {
                return parts.length < 2 || !parts[1].replace(" ", "").matches("q=0(\\.0{0,3})?");
            }
        }
        return false;
    }
}
