package org.takedown.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.takedown.common.DeterministicJson;
import org.takedown.support.Api;
import org.takedown.support.Fixtures;
import org.takedown.support.MutableClock;

/**
 * Signing in to the API with the production settings: wrong passwords throttled per user name and client (429 with
 * Retry-After, audited), the right password working again after the window; API tokens (shown once, stored as a
 * SHA-256, scoped to roles, expiring, revocable, audited); password hashing held to its budget, refused at once past it
 * (503), while verified passwords and tokens need none.
 */
@QuarkusTest
@TestProfile(ApiAuthenticationTest.ProductionSettings.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiAuthenticationTest {

    /**
     * The production defaults that the other tests' profile lifts (every test request comes from one address), but for
     * the per-address limit, raised so that the budget test can send enough guesses from this one address.
     */
    public static class ProductionSettings implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "takedown.auth.failures-per-client",
                    "100",
                    "takedown.auth.failures-per-user",
                    "50",
                    "takedown.auth.hashing-share",
                    "0.1");
        }
    }

    @Inject
    MutableClock clock;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static Response basic(String user, String password) {
        return given().auth()
                .preemptive()
                .basic(user, password)
                .accept("application/json")
                .get("/api/me");
    }

    private static Response bearer(String token, String path) {
        return given().header("Authorization", "Bearer " + token)
                .accept("application/json")
                .get(path);
    }

    @Test
    @Order(1)
    void wrongPasswordsAreThrottledAndTheRightOneWorksForItsOwnerAfterTheWindow() {
        Instant start = Instant.now();
        clock.set(start);
        for (int i = 0; i < 5; i++) {
            basic("viewer1", "guess-" + i)
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Basic"));
        }
        basic("viewer1", Api.PASSWORD)
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("status", equalTo(429))
                .body("detail", containsString("try again"));
        long retryAfter = Long.parseLong(basic("viewer1", "guess-again").header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 15 * 60, "within the 15-minute window: " + retryAfter);
        basic("officer1", Api.PASSWORD).then().statusCode(200); // another user name from the same address is not held

        assertEquals(
                1,
                Api.as("officer2")
                        .queryParam("action", "SIGN_IN_THROTTLED")
                        .queryParam("entityId", "viewer1")
                        .get("/api/audit")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items")
                        .size(),
                "entering the throttle is audited, once");

        clock.set(start.plus(Duration.ofMinutes(15)).plusSeconds(1));
        basic("viewer1", Api.PASSWORD).then().statusCode(200).body("username", equalTo("viewer1"));
    }

    @Test
    @Order(2)
    void anApiTokenIsShownOnceStoredAsItsHashAndActsWithTheRolesItWasGiven() throws Exception {
        Response created = Api.as("officer1")
                .body(Map.of("name", "nightly export", "roles", List.of("viewer"), "expiresInDays", 7))
                .post("/api/tokens");
        created.then()
                .statusCode(201)
                .body("token", org.hamcrest.Matchers.startsWith("tdk_"))
                .body("details.roles", equalTo(List.of("viewer")));
        String token = created.jsonPath().getString("token");
        long id = created.jsonPath().getLong("details.id");

        bearer(token, "/api/me")
                .then()
                .statusCode(200)
                .body("username", equalTo("officer1"))
                .body("roles", equalTo(List.of("viewer")));
        bearer(token, "/api/operations").then().statusCode(200);
        given().header("Authorization", "Bearer " + token)
                .contentType("application/json")
                .body(Fixtures.operationBody(Fixtures.codeName()))
                .post("/api/operations")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer " + token)
                .contentType("application/json")
                .body(Map.of("name", "another", "roles", List.of("viewer")))
                .post("/api/tokens")
                .then()
                .statusCode(403)
                .body("detail", containsString("A token cannot create tokens"));

        Api.as("officer1")
                .get("/api/tokens")
                .then()
                .statusCode(200)
                .body("find { it.id == " + id + " }.name", equalTo("nightly export"))
                .body(not(containsString(token)));
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement().executeQuery("select token_hash from api_token where id = " + id)) {
            assertTrue(rs.next());
            assertEquals(DeterministicJson.sha256Hex(token), rs.getString(1), "only the SHA-256 is stored");
        }
        Api.as("officer2")
                .body(Map.of("name", "mine", "roles", List.of("admin")))
                .post("/api/tokens")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("roles"));
        Api.as("officer2").delete("/api/tokens/{t}", id).then().statusCode(404); // not theirs

        clock.set(Instant.now().plus(Duration.ofDays(8)));
        bearer(token, "/api/me").then().statusCode(401).contentType("application/problem+json");
        clock.reset();
        bearer(token, "/api/me").then().statusCode(200);
        Api.as("officer1").delete("/api/tokens/{t}", id).then().statusCode(200).body("revokedBy", equalTo("officer1"));
        bearer(token, "/api/me").then().statusCode(401);
        for (String action : List.of("API_TOKEN_CREATED", "API_TOKEN_REVOKED")) {
            assertEquals(
                    1,
                    Api.as("viewer1")
                            .queryParam("action", action)
                            .queryParam("entityId", Long.toString(id))
                            .get("/api/audit")
                            .then()
                            .extract()
                            .jsonPath()
                            .getList("items")
                            .size(),
                    action);
        }
        bearer("tdk_" + "x".repeat(43), "/api/me").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    @Order(3)
    void aNewPasswordOrARemovedUserEndsTheirTokensAndTheirRolesBoundThem() {
        String name = "tokens-" + Fixtures.unique();
        Api.as("admin1")
                .body(Map.of("username", name, "password", "first-password-1", "roles", List.of("officer")))
                .post("/api/users")
                .then()
                .statusCode(201);
        String token = given().auth()
                .preemptive()
                .basic(name, "first-password-1")
                .contentType("application/json")
                .body(Map.of("name", "script", "roles", List.of("officer", "viewer")))
                .post("/api/tokens")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("token");
        bearer(token, "/api/me")
                .then()
                .statusCode(200)
                .body("roles", org.hamcrest.Matchers.hasItems("officer", "viewer"));
        Api.as("admin1")
                .body(Map.of("roles", List.of("viewer")))
                .put("/api/users/{u}", name)
                .then()
                .statusCode(200);
        bearer(token, "/api/me").then().statusCode(200).body("roles", equalTo(List.of("viewer")));
        Api.as("admin1")
                .body(Map.of("password", "second-password-2"))
                .put("/api/users/{u}", name)
                .then()
                .statusCode(200);
        bearer(token, "/api/me").then().statusCode(401);
        basic(name, "first-password-1").then().statusCode(401);
        basic(name, "second-password-2").then().statusCode(200);
    }

    @Test
    @Order(4)
    void guessesFromEverywhereAreHeldToTheHashingBudgetWhileVerifiedPasswordsAndTokensStillWork() {
        basic("approver1", Api.PASSWORD).then().statusCode(200); // verified now: its next use needs no hashing
        String token = Api.as("approver1")
                .body(Map.of("name", "flood test", "roles", List.of("viewer")))
                .post("/api/tokens")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("token");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 80 && !statuses.contains(503); i++) {
            // Unknown names, as guesses spread over many addresses would look: each costs a full bcrypt.
            Response response = basic("unknown-" + Fixtures.unique(), "guess");
            statuses.add(response.statusCode());
            assertTrue(
                    response.statusCode() == 401 || response.statusCode() == 503,
                    "refused, never a 500: " + response.statusCode());
            assertEquals("application/problem+json", response.contentType().split(";")[0]);
            if (response.statusCode() == 503) {
                assertEquals("1", response.header("Retry-After"));
                basic("approver1", Api.PASSWORD).then().statusCode(200);
                bearer(token, "/api/me").then().statusCode(200);
            }
        }
        assertTrue(statuses.contains(503), "past a second of hashing, checks are refused at once: " + statuses);
        assertFalse(statuses.subList(0, 3).contains(503), "a few checks in a row never wait: " + statuses);
    }
}
