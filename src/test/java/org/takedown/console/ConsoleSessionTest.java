package org.takedown.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.takedown.security.SessionCookie;
import org.takedown.support.Api;
import org.takedown.support.ConsoleSession;
import org.takedown.support.MutableClock;

/** Console sign-in, the session cookie, CSRF, timeouts and sign-out, over HTTP. */
@QuarkusTest
class ConsoleSessionTest {

    @Inject
    MutableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
        Api.as("admin1")
                .body(Map.of("engaged", false))
                .put("/api/kill-switch")
                .then()
                .statusCode(200);
    }

    @Test
    void signingInSetsAHostOnlySecureHttpOnlyStrictCookieAndOpensTheDashboard() {
        Response login = given().redirects()
                .follow(false)
                .formParam("username", "officer1")
                .formParam("password", Api.PASSWORD)
                .post("/console/login");
        assertEquals(303, login.statusCode());
        assertEquals("/console", login.getHeader("Location").replaceFirst("^https?://[^/]+", ""));
        Cookie cookie = login.getDetailedCookie(SessionCookie.NAME);
        assertNotNull(cookie, "the session cookie");
        assertTrue(SessionCookie.NAME.startsWith("__Host-"));
        assertTrue(
                cookie.isSecured() && cookie.isHttpOnly() && "/".equals(cookie.getPath()) && cookie.getDomain() == null,
                cookie.toString());
        assertEquals("Strict", cookie.getSameSite());
        assertTrue(cookie.getValue().length() >= 40, "a long random token");

        given().cookie(SessionCookie.NAME, cookie.getValue())
                .get("/console")
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Cache-Control", "no-store")
                .body(containsString("<h1>Dashboard</h1>"))
                .body(containsString("officer1"));
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswerAndNoCookie() {
        for (String user : List.of("officer1", "nobody-here")) {
            Response refused = given().formParam("username", user)
                    .formParam("password", "wrong-password-123")
                    .post("/console/login");
            assertEquals(401, refused.statusCode());
            assertTrue(refused.asString().contains("Wrong user name or password."));
            assertEquals(null, refused.getCookie(SessionCookie.NAME));
        }
    }

    @Test
    void withoutASessionTheConsoleSendsToSignInAndHtmxIsToldToGoThere() {
        given().redirects()
                .follow(false)
                .get("/console")
                .then()
                .statusCode(303)
                .header("Location", containsString("/console/login"));
        given().redirects()
                .follow(false)
                .header("HX-Request", "true")
                .get("/console")
                .then()
                .statusCode(401)
                .header("HX-Redirect", "/console/login");
        given().redirects()
                .follow(false)
                .cookie(SessionCookie.NAME, "forged-or-expired-token")
                .get("/console")
                .then()
                .statusCode(303);
        given().get("/console/login").then().statusCode(200).body(containsString("Sign in"));
        given().get("/console/static/console.css").then().statusCode(200);
        given().get("/webjars/htmx.org/2.0.7/dist/htmx.min.js").then().statusCode(200);
    }

    @Test
    void aStateChangingRequestWithoutThisSessionsCsrfTokenIsRefusedAndChangesNothing() {
        ConsoleSession admin = ConsoleSession.signIn("admin1");
        ConsoleSession other = ConsoleSession.signIn("admin1");
        admin.request()
                .formParam("engaged", "true")
                .formParam("reason", "test")
                .post("/console/kill-switch")
                .then()
                .statusCode(403);
        admin.request()
                .header("X-CSRF-Token", other.csrf())
                .formParam("engaged", "true")
                .formParam("reason", "test")
                .post("/console/kill-switch")
                .then()
                .statusCode(403);
        Api.as("viewer1").get("/api/kill-switch").then().statusCode(200).body("engaged", equalTo(false));

        admin.htmx()
                .formParam("engaged", "true")
                .formParam("reason", "CSRF test")
                .post("/console/kill-switch")
                .then()
                .statusCode(200)
                .body(containsString("Engaged"));
        Api.as("viewer1")
                .get("/api/kill-switch")
                .then()
                .statusCode(200)
                .body("engaged", equalTo(true))
                .body("changedBy", equalTo("admin1"));
    }

    @Test
    void repeatedFailuresForAUserNameAreThrottledWhileOthersStillSignIn() {
        String name = "guessed" + Long.toHexString(System.nanoTime());
        Api.as("admin1")
                .body(Map.of("username", name, "password", "the-right-password-1", "roles", List.of("viewer")))
                .post("/api/users")
                .then()
                .statusCode(201);
        for (int i = 0; i < 5; i++) {
            given().formParam("username", name)
                    .formParam("password", "guess-" + i)
                    .post("/console/login")
                    .then()
                    .statusCode(401);
        }
        given().formParam("username", name)
                .formParam("password", "the-right-password-1")
                .post("/console/login")
                .then()
                .statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body(containsString("Too many failed sign-ins"));
        ConsoleSession.signIn("viewer1");
    }

    @Test
    void signingInFromAnotherSiteIsRefused() {
        given().header("Sec-Fetch-Site", "cross-site")
                .formParam("username", "officer1")
                .formParam("password", Api.PASSWORD)
                .post("/console/login")
                .then()
                .statusCode(403);
        given().header("Origin", "https://evil.example")
                .formParam("username", "officer1")
                .formParam("password", Api.PASSWORD)
                .post("/console/login")
                .then()
                .statusCode(403);
    }

    @Test
    void signingOutEndsTheSessionOnTheServer() {
        ConsoleSession officer = ConsoleSession.signIn("officer1");
        officer.htmx()
                .post("/console/logout")
                .then()
                .statusCode(204)
                .header("HX-Redirect", "/console/login")
                .header("Set-Cookie", containsString("Max-Age=0"));
        officer.request().get("/console").then().statusCode(303);
        Api.as("viewer1")
                .queryParam("action", "CONSOLE_SIGNED_OUT")
                .queryParam("actor", "officer1")
                .get("/api/audit")
                .then()
                .statusCode(200)
                .body("items.size()", not(equalTo(0)));
    }

    @Test
    void aSessionEndsAfterItsIdleTimeoutAndAfterItsAbsoluteTimeout() {
        Instant start = Instant.now();
        clock.set(start);
        ConsoleSession idle = ConsoleSession.signIn("officer1");
        clock.set(start.plus(Duration.ofMinutes(29)));
        idle.request().get("/console").then().statusCode(200);
        clock.set(start.plus(Duration.ofMinutes(29 + 31)));
        idle.request().get("/console").then().statusCode(303);

        clock.set(start);
        ConsoleSession busy = ConsoleSession.signIn("officer1");
        for (int minutes = 20; minutes < 12 * 60; minutes += 20) {
            clock.set(start.plus(Duration.ofMinutes(minutes)));
            busy.request().get("/console").then().statusCode(200);
        }
        clock.set(start.plus(Duration.ofHours(12)));
        busy.request().get("/console").then().statusCode(303);
    }

    @Test
    void theSessionCookieDoesNotOpenTheApi() {
        ConsoleSession officer = ConsoleSession.signIn("officer1");
        given().cookie(SessionCookie.NAME, officer.cookie())
                .get("/api/me")
                .then()
                .statusCode(401);
    }

    @Test
    void aViewerSeesNoKillSwitchFormAndIsRefusedByTheServer() {
        ConsoleSession viewer = ConsoleSession.signIn("viewer1");
        String dashboard = viewer.request()
                .get("/console")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertFalse(dashboard.contains("hx-post=\"/console/kill-switch\""), "no kill switch form for a viewer");
        viewer.htmx()
                .formParam("engaged", "true")
                .formParam("reason", "not mine")
                .post("/console/kill-switch")
                .then()
                .statusCode(403);
        Api.as("viewer1").get("/api/kill-switch").then().statusCode(200).body("engaged", equalTo(false));

        ConsoleSession admin = ConsoleSession.signIn("admin1");
        assertTrue(admin.request()
                .get("/console")
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .contains("hx-post=\"/console/kill-switch\""));
    }

    @Test
    void engagingTheKillSwitchWithoutAReasonShowsTheErrorNextToTheField() {
        ConsoleSession admin = ConsoleSession.signIn("admin1");
        admin.htmx()
                .formParam("engaged", "true")
                .formParam("reason", "")
                .post("/console/kill-switch")
                .then()
                .statusCode(422)
                .body(containsString("id=\"kill-reason-error\""))
                .body(containsString("aria-invalid=\"true\""));
        Api.as("viewer1").get("/api/kill-switch").then().statusCode(200).body("engaged", equalTo(false));
    }

    @Test
    void aRemovedUsersSessionEndsAtOnce() {
        String name = "gone" + Long.toHexString(System.nanoTime());
        Api.as("admin1")
                .body(Map.of("username", name, "password", "a-long-password-1", "roles", List.of("officer")))
                .post("/api/users")
                .then()
                .statusCode(201);
        Response login = given().redirects()
                .follow(false)
                .formParam("username", name)
                .formParam("password", "a-long-password-1")
                .post("/console/login");
        String cookie = login.getCookie(SessionCookie.NAME);
        given().redirects()
                .follow(false)
                .cookie(SessionCookie.NAME, cookie)
                .get("/console")
                .then()
                .statusCode(200);
        Api.as("admin1").delete("/api/users/{u}", name).then().statusCode(204);
        given().redirects()
                .follow(false)
                .cookie(SessionCookie.NAME, cookie)
                .get("/console")
                .then()
                .statusCode(303);
    }
}
