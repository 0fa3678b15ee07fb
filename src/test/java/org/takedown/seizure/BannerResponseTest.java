package org.takedown.seizure;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.takedown.support.Fixtures;

/** Every response type on a seized or unknown host carries the same strict headers; pages are cached bytes. */
@QuarkusTest
public class BannerResponseTest {

    @Inject
    BannerSnapshots snapshots;

    static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

    static void assertHygiene(Response response, String what) {
        assertEquals(BannerFixtures.CSP, response.header("Content-Security-Policy"), what);
        assertEquals("nosniff", response.header("X-Content-Type-Options"), what);
        assertEquals("no-referrer", response.header("Referrer-Policy"), what);
        assertEquals("DENY", response.header("X-Frame-Options"), what);
        assertNull(response.header("Set-Cookie"), what);
        assertNull(response.header("Server"), what);
        assertNull(response.header("X-Powered-By"), what);
        String type = response.header("Content-Type");
        if (type != null && (type.startsWith("text/"))) {
            assertTrue(type.endsWith("charset=utf-8"), what + ": " + type);
        }
    }

    @Test
    void everyResponseTypeCarriesTheStrictHeaders() {
        String host = BannerFixtures.host();
        long id = BannerFixtures.liveOperation(host);
        snapshots.refreshNow();
        String page = BannerFixtures.get(host, "/").asString();
        String emblem = Jsoup.parse(page).selectFirst(".agency img").attr("src");
        Map<String, Response> responses = new java.util.LinkedHashMap<>();
        responses.put("banner", BannerFixtures.get(host, "/"));
        responses.put("stylesheet", BannerFixtures.get(host, "/.seized/banner.css"));
        responses.put("script", BannerFixtures.get(host, "/.seized/countdown.js"));
        responses.put("favicon", BannerFixtures.get(host, "/.seized/favicon.svg"));
        responses.put("emblem", BannerFixtures.get(host, emblem));
        responses.put("robots", BannerFixtures.get(host, "/robots.txt"));
        responses.put("missing asset", BannerFixtures.get(host, "/.seized/nothing.js"));
        responses.put("unknown host", BannerFixtures.get("unknown-" + Fixtures.unique() + ".example", "/"));
        responses.put("405", given().header("Host", host).body("x").post("/"));
        responses.put("HEAD", given().header("Host", host).head("/"));
        responses.put(
                "304",
                given().header("Host", host)
                        .header("If-None-Match", responses.get("banner").header("ETag"))
                        .get("/"));
        int[] expected = {200, 200, 200, 200, 200, 200, 404, 404, 405, 200, 304};
        int i = 0;
        for (var entry : responses.entrySet()) {
            assertEquals(expected[i++], entry.getValue().statusCode(), entry.getKey());
            assertHygiene(entry.getValue(), entry.getKey());
        }
        assertEquals("text/css; charset=utf-8", responses.get("stylesheet").header("Content-Type"));
        assertEquals("text/javascript; charset=utf-8", responses.get("script").header("Content-Type"));
        assertEquals("image/svg+xml", responses.get("emblem").header("Content-Type"));
        assertTrue(responses.get("emblem").header("Cache-Control").contains("immutable"));
        assertEquals("User-agent: *\nDisallow: /\n", responses.get("robots").asString());
        assertEquals("GET, HEAD", responses.get("405").header("Allow"));
        assertTrue(id > 0);
    }

    @Test
    void pagesHaveAStrongETagAndA304() {
        String host = BannerFixtures.host();
        BannerFixtures.liveOperation(host);
        snapshots.refreshNow();
        Response first = BannerFixtures.get(host, "/");
        String etag = first.header("ETag");
        assertTrue(etag.matches("\"[0-9a-f]{40}\""), etag);
        assertEquals(
                etag, BannerFixtures.get(host, "/other/path").header("ETag"), "same bytes, same tag on every path");
        for (String ifNoneMatch : List.of(etag, "W/" + etag, "\"other\", " + etag, "*")) {
            Response conditional = given().header("Host", host)
                    .header("If-None-Match", ifNoneMatch)
                    .get("/");
            assertEquals(304, conditional.statusCode(), ifNoneMatch);
            assertEquals("", conditional.asString());
            assertEquals(etag, conditional.header("ETag"));
        }
        assertEquals(
                200,
                given().header("Host", host)
                        .header("If-None-Match", "\"stale\"")
                        .get("/")
                        .statusCode());
        String german = given().header("Host", host).get("/?lang=en").header("ETag");
        assertEquals(etag, german, "the default language is the same page");
    }

    @Test
    void aPrecompressedGzipVariantHasTheSameBytes() throws IOException {
        String host = BannerFixtures.host();
        BannerFixtures.liveOperation(host);
        snapshots.refreshNow();
        byte[] plain = given().config(RAW)
                .header("Host", host)
                .header("Accept-Encoding", "identity")
                .get("/")
                .asByteArray();
        Response gzipped = given().config(RAW)
                .header("Host", host)
                .header("Accept-Encoding", "br, gzip;q=0.8")
                .get("/");
        assertEquals("gzip", gzipped.header("Content-Encoding"));
        assertTrue(gzipped.header("Vary").contains("Accept-Encoding"));
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.asByteArray()))) {
            assertArrayEquals(plain, in.readAllBytes());
        }
        assertNull(given().config(RAW)
                .header("Host", host)
                .header("Accept-Encoding", "gzip;q=0")
                .get("/")
                .header("Content-Encoding"));
    }

    @Test
    void headAnswersWithTheGetHeadersAndNoBody() {
        String host = BannerFixtures.host();
        BannerFixtures.liveOperation(host);
        snapshots.refreshNow();
        Response get = given().config(RAW).header("Host", host).get("/");
        Response head = given().config(RAW).header("Host", host).head("/");
        assertEquals(get.header("ETag"), head.header("ETag"));
        assertEquals(String.valueOf(get.asByteArray().length), head.header("Content-Length"));
        assertEquals(0, head.asByteArray().length);
    }

    @Test
    void unavailableForLegalReasonsAnswers451WithTheBlockingAuthority() {
        String host = BannerFixtures.host();
        Map<String, Object> domain = BannerFixtures.domain(host);
        domain.put("unavailableForLegalReasons", true);
        domain.put("blockedBy", "https://police.example.org/seizures");
        BannerFixtures.operation("ACTIVE", Fixtures.operationBody(Fixtures.codeName()), List.of(domain), null);
        snapshots.refreshNow();
        Response response = BannerFixtures.get(host, "/");
        assertEquals(451, response.statusCode());
        assertEquals("<https://police.example.org/seizures>; rel=\"blocked-by\"", response.header("Link"));
        assertTrue(response.asString().contains(BannerFixtures.MARKER));
        assertHygiene(response, "451");
        assertNotNull(response.header("ETag"));
    }
}
