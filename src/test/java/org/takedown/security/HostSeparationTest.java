package org.takedown.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.takedown.support.Api;
import org.takedown.support.RawHttp;

/** Officer routes answer on officer Hosts only; the management port serves health and metrics on its own. */
@QuarkusTest
public class HostSeparationTest {

    static final int PORT = 8081;
    static final int MANAGEMENT_PORT = 9001;
    static final List<String> OFFICER_PATHS = List.of(
            "/api/operations",
            "/api/me",
            "/api/audit/verify",
            "/api/users",
            "/q/openapi",
            "/q/swagger-ui/",
            "/console",
            "/console/login",
            "/console/static/console.css",
            "/webjars/htmx.org/2.0.7/dist/htmx.min.js",
            "/nothing-here");
    static final List<String> FOREIGN_HOSTS = List.of(
            "never-seized.localhost",
            "evil.example",
            "localhost.evil.example",
            "evil.example:8081",
            "127.0.0.2",
            "[::2]",
            "xn--bcher-kva.example");

    @TestFactory
    List<DynamicTest> anyOtherHostGetsTheSameNeutral404EvenWithValidCredentials() {
        return FOREIGN_HOSTS.stream()
                .flatMap(host -> OFFICER_PATHS.stream()
                        .map(path -> DynamicTest.dynamicTest(
                                host + path,
                                () -> Api.as("admin1")
                                        .header("Host", host)
                                        .get(path)
                                        .then()
                                        .statusCode(404)
                                        .contentType("text/html")
                                        .body(containsString("<title>Not Found</title>")))))
                .toList();
    }

    @Test
    void officerHostsInAnyNormalFormReachTheApi() {
        for (String host : List.of(
                "localhost",
                "LOCALHOST",
                "localhost.",
                "localhost:8081",
                "127.0.0.1",
                "127.0.0.1:8081",
                "Officers.Takedown.Test")) {
            Api.as("viewer1").header("Host", host).get("/api/operations").then().statusCode(200);
            given().header("Host", host).get("/q/openapi").then().statusCode(200);
            given().header("Host", host).get("/q/swagger-ui/").then().statusCode(200);
        }
        Api.anonymous().get("/api/operations").then().statusCode(401);
    }

    @Test
    void ambiguousOrContradictoryRequestsCannotReachOfficerRoutes() {
        String auth = "Authorization: Basic "
                + java.util.Base64.getEncoder().encodeToString("admin1:test-password-123".getBytes()) + "\r\n";
        String duplicate = RawHttp.send(
                PORT,
                "GET /api/me HTTP/1.1\r\nHost: evil.example\r\nHost: localhost\r\n" + auth
                        + "Connection: close\r\n\r\n");
        assertEquals(404, RawHttp.status(duplicate));
        String duplicateReversed = RawHttp.send(
                PORT,
                "GET /api/me HTTP/1.1\r\nHost: localhost\r\nHost: evil.example\r\n" + auth
                        + "Connection: close\r\n\r\n");
        assertEquals(404, RawHttp.status(duplicateReversed));
        String absolute = RawHttp.send(
                PORT,
                "GET http://evil.example/api/me HTTP/1.1\r\nHost: localhost\r\n" + auth + "Connection: close\r\n\r\n");
        assertEquals(404, RawHttp.status(absolute));
        String absoluteToSeized = RawHttp.send(
                PORT,
                "GET http://localhost/api/me HTTP/1.1\r\nHost: spoof-demo.localhost\r\n" + auth
                        + "Connection: close\r\n\r\n");
        assertEquals(404, RawHttp.status(absoluteToSeized));
        String noHost = RawHttp.send(PORT, "GET /api/me HTTP/1.0\r\n" + auth + "\r\n");
        assertEquals(404, RawHttp.status(noHost));
        String sane =
                RawHttp.send(PORT, "GET /api/me HTTP/1.1\r\nHost: localhost\r\n" + auth + "Connection: close\r\n\r\n");
        assertEquals(200, RawHttp.status(sane));
    }

    @Test
    void forwardedHostHeadersAreNotBelieved() {
        Api.as("admin1")
                .header("Host", "evil.example")
                .header("X-Forwarded-Host", "localhost")
                .header("Forwarded", "host=localhost")
                .get("/api/me")
                .then()
                .statusCode(404);
        Api.as("admin1")
                .header("X-Forwarded-Host", "evil.example")
                .get("/api/me")
                .then()
                .statusCode(200);
    }

    @Test
    void healthAndMetricsLiveOnTheManagementPortOnly() {
        given().port(MANAGEMENT_PORT)
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
        given().port(MANAGEMENT_PORT).get("/q/metrics").then().statusCode(200);
        given().port(MANAGEMENT_PORT).get("/api/operations").then().statusCode(404);
        given().get("/q/health").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
    }
}
