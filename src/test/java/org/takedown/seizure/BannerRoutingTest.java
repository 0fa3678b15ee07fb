package org.takedown.seizure;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.takedown.seizure.BannerFixtures.MARKER;
import static org.takedown.seizure.BannerFixtures.get;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.takedown.support.Api;
import org.takedown.support.Fixtures;
import org.takedown.support.RawHttp;

/** Host first: a live seized host gets its banner on every path and method, and can reach nothing else. */
@QuarkusTest
public class BannerRoutingTest {

    static final String NEUTRAL_404 = new String(BannerResponder.NOT_FOUND, java.nio.charset.StandardCharsets.UTF_8);

    @Inject
    BannerSnapshots snapshots;

    @Test
    void aLiveHostGetsTheBannerInEveryNormalForm() {
        String host = BannerFixtures.host();
        BannerFixtures.liveOperation(host);
        snapshots.refreshNow();
        for (String form : List.of(
                host,
                host.toUpperCase(Locale.ROOT),
                host + ".",
                host + ":8081",
                host.toUpperCase(Locale.ROOT) + ".:80")) {
            get(form, "/").then().statusCode(200).body(containsString(MARKER)).body(containsString("<h1>Seized</h1>"));
        }
        get(host, "/some/deep/path?x=1").then().statusCode(200).body(containsString(MARKER));
        get("www." + host, "/").then().statusCode(404);
        get("other." + host, "/").then().statusCode(404);
    }

    @Test
    void internationalisedDomainsAnswerOnTheirPunycodeHost() {
        String unicode = "bücher-" + Fixtures.unique() + ".example";
        BannerFixtures.operation(
                "ACTIVE", Fixtures.operationBody(Fixtures.codeName()), List.of(BannerFixtures.domain(unicode)), null);
        snapshots.refreshNow();
        get(java.net.IDN.toASCII(unicode), "/")
                .then()
                .statusCode(200)
                .body(containsString("<p class=\"domain\">" + unicode + "</p>"));
    }

    @Test
    void wwwAndAliasesAreCoveredWhenListed() {
        String host = BannerFixtures.host();
        String alias = BannerFixtures.host();
        Map<String, Object> domain = BannerFixtures.domain(host);
        domain.put("includeWww", true);
        domain.put("aliases", List.of(alias.toUpperCase(Locale.ROOT)));
        BannerFixtures.operation("ACTIVE", Fixtures.operationBody(Fixtures.codeName()), List.of(domain), null);
        snapshots.refreshNow();
        for (String covered : List.of(host, "www." + host, alias)) {
            get(covered, "/")
                    .then()
                    .statusCode(200)
                    .body(containsString(MARKER))
                    .body(containsString(covered));
        }
    }

    @Test
    void everyReasonNotToServeGivesTheSameNeutral404() {
        List<String> hosts = new ArrayList<>();
        for (String state : List.of("DRAFT", "PENDING_APPROVAL", "PAUSED")) {
            String host = BannerFixtures.host();
            BannerFixtures.operation(
                    state,
                    Fixtures.operationBody(Fixtures.codeName()),
                    List.of(BannerFixtures.domain(host)),
                    BannerFixtures.banner(Map.of("en", BannerFixtures.texts("Secret operation name"))));
            hosts.add(host);
        }
        String future = BannerFixtures.host();
        Map<String, Object> notYet = BannerFixtures.domain(future);
        notYet.put("liveFrom", "2099-01-01T00:00");
        String retired = BannerFixtures.host();
        Map<String, Object> past = BannerFixtures.domain(retired);
        past.put("liveFrom", "2020-01-01T00:00");
        past.put("liveUntil", "2020-02-01T00:00");
        BannerFixtures.operation("ACTIVE", Fixtures.operationBody(Fixtures.codeName()), List.of(notYet, past), null);
        hosts.addAll(List.of(future, retired, "never-seized.example", "evil.example", "127.0.0.2"));
        snapshots.refreshNow();
        for (String host : hosts) {
            Response response = get(host, "/");
            assertEquals(404, response.statusCode(), host);
            assertEquals(NEUTRAL_404, response.asString(), host);
            assertEquals(BannerFixtures.CSP, response.header("Content-Security-Policy"), host);
        }
    }

    @Test
    void theKillSwitchTakesBannersDownOnlyWhenItIncludesThem() {
        String host = BannerFixtures.host();
        BannerFixtures.liveOperation(host);
        try {
            Api.as("admin1")
                    .body(Map.of("engaged", true, "reason", "test"))
                    .put("/api/kill-switch")
                    .then()
                    .statusCode(200);
            snapshots.refreshNow();
            get(host, "/").then().statusCode(200);
            Api.as("admin1")
                    .body(Map.of("engaged", true, "includeBanners", true, "reason", "test"))
                    .put("/api/kill-switch")
                    .then()
                    .statusCode(200);
            snapshots.refreshNow();
            get(host, "/").then().statusCode(404).body(equalTo(NEUTRAL_404));
        } finally {
            Api.as("admin1")
                    .body(Map.of("engaged", false))
                    .put("/api/kill-switch")
                    .then()
                    .statusCode(200);
        }
        snapshots.refreshNow();
        get(host, "/").then().statusCode(200);
    }

    @Test
    void noRegisteredRouteIsReachableWithASeizedHost() {
        String host = BannerFixtures.host();
        BannerFixtures.liveOperation(host);
        snapshots.refreshNow();
        Map<String, Object> documented =
                Api.as("viewer1").get("/q/openapi?format=json").jsonPath().getMap("paths");
        Set<String> paths = new java.util.TreeSet<>(documented.keySet());
        paths.addAll(List.of(
                "/q/openapi", "/q/swagger-ui/", "/q/health", "/q/metrics", "/q/dev-ui", "/console", "/login", "/"));
        String auth = "Basic " + Base64.getEncoder().encodeToString("admin1:test-password-123".getBytes());
        int checked = 0;
        for (String template : paths) {
            String path = template.replaceAll("\\{[^}]+}", "1");
            for (String method : List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
                Response response = given().header("Host", host)
                        .header("Authorization", auth)
                        .contentType("application/json")
                        .body(method.equals("GET") || method.equals("HEAD") ? "" : "{}")
                        .request(method, path);
                String where = method + " " + path;
                if (method.equals("GET")) {
                    assertEquals(200, response.statusCode(), where);
                    assertTrue(response.asString().contains(MARKER), where);
                } else if (method.equals("HEAD")) {
                    assertEquals(200, response.statusCode(), where);
                } else {
                    assertEquals(405, response.statusCode(), where);
                    assertEquals("GET, HEAD", response.header("Allow"), where);
                }
                assertTrue(
                        response.contentType().startsWith("text/html"), where + " answered " + response.contentType());
                assertFalse(
                        response.asString().contains("\"items\"")
                                || response.asString().contains("openapi"),
                        where);
                checked++;
            }
        }
        assertTrue(paths.size() > 30, "the OpenAPI document lists the API routes: " + paths);
        assertEquals(paths.size() * 7, checked);
    }

    @Test
    void ambiguousOrForgedHostsCannotReachOfficerRoutes() {
        String host = BannerFixtures.host();
        BannerFixtures.liveOperation(host);
        snapshots.refreshNow();
        String auth = "Authorization: Basic "
                + Base64.getEncoder().encodeToString("admin1:test-password-123".getBytes()) + "\r\n";
        int port = 8081;
        for (String request : List.of(
                "GET /api/me HTTP/1.1\r\nHost: " + host + "\r\nHost: localhost\r\n" + auth
                        + "Connection: close\r\n\r\n",
                "GET /api/me HTTP/1.1\r\nHost: localhost\r\nHost: " + host + "\r\n" + auth
                        + "Connection: close\r\n\r\n",
                "GET http://localhost/api/me HTTP/1.1\r\nHost: " + host + "\r\n" + auth + "Connection: close\r\n\r\n",
                "GET http://" + host + "/api/me HTTP/1.1\r\nHost: localhost\r\n" + auth + "Connection: close\r\n\r\n",
                "GET /api/me HTTP/1.1\r\nHost: local\u0001host\r\n" + auth + "Connection: close\r\n\r\n",
                "GET /api/me HTTP/1.1\r\nHost: localhost\u0000.example\r\n" + auth + "Connection: close\r\n\r\n")) {
            String response = RawHttp.send(port, request);
            assertFalse(response.contains("\"username\""), request + " reached the API: " + response);
            assertTrue(RawHttp.status(response) == 404 || RawHttp.status(response) == 400, request + " -> " + response);
        }
        given().header("Host", host)
                .header("X-Forwarded-Host", "localhost")
                .header("Forwarded", "host=localhost")
                .header(
                        "Authorization",
                        auth.substring("Authorization: ".length()).strip())
                .get("/api/me")
                .then()
                .statusCode(200)
                .body(containsString(MARKER));
    }
}
