package org.takedown.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.takedown.support.Api;
import org.takedown.support.Fixtures;

@QuarkusTest
public class UserAdministrationTest {

    static final String PASSWORD = "a-long-enough-password";

    static String createUser(String role) {
        String name = "user" + Fixtures.unique();
        Api.as("admin1")
                .body(Map.of("username", name, "password", PASSWORD, "roles", List.of(role)))
                .post("/api/users")
                .then()
                .statusCode(201)
                .body("username", equalTo(name))
                .body("managedByConfiguration", equalTo(false))
                .body("createdBy", equalTo("admin1"));
        return name;
    }

    static io.restassured.specification.RequestSpecification as(String user, String password) {
        return given().auth().preemptive().basic(user, password).contentType("application/json");
    }

    @Test
    void configuredUsersExistAndAreManagedByConfiguration() {
        Api.as("admin1")
                .get("/api/users?size=200")
                .then()
                .statusCode(200)
                .body("items.username", hasItems("officer1", "approver1", "viewer1", "admin1", "dual"));
        Api.as("admin1")
                .body(Map.of("roles", List.of("admin")))
                .put("/api/users/officer1")
                .then()
                .statusCode(409);
        Api.as("admin1").delete("/api/users/viewer1").then().statusCode(409);
        Api.as("dual").get("/api/me").then().body("roles", equalTo(List.of("approver", "officer", "viewer")));
    }

    @Test
    void anAdminCreatesAUserWhoCanThenWorkWithTheirRoles() {
        String name = createUser("officer");
        as(name, PASSWORD)
                .body(Fixtures.operationBody(Fixtures.codeName()))
                .post("/api/operations")
                .then()
                .statusCode(201);
        Api.as("admin1")
                .body(Map.of("username", name, "password", PASSWORD, "roles", List.of("viewer")))
                .post("/api/users")
                .then()
                .statusCode(409);
    }

    @Test
    void passwordAndRoleChangesTakeEffectAndDeletionLocksOut() {
        String name = createUser("officer");
        Api.as("admin1")
                .body(Map.of("password", "another-long-password"))
                .put("/api/users/{u}", name)
                .then()
                .statusCode(200);
        as(name, PASSWORD).get("/api/me").then().statusCode(401);
        as(name, "another-long-password").get("/api/me").then().statusCode(200).body("username", equalTo(name));
        Api.as("admin1")
                .body(Map.of("roles", List.of("viewer")))
                .put("/api/users/{u}", name)
                .then()
                .statusCode(200);
        as(name, "another-long-password")
                .body(Fixtures.operationBody(Fixtures.codeName()))
                .post("/api/operations")
                .then()
                .statusCode(403);
        Api.as("admin1").delete("/api/users/{u}", name).then().statusCode(204);
        as(name, "another-long-password").get("/api/me").then().statusCode(401);
        Api.as("admin1").delete("/api/users/{u}", name).then().statusCode(404);
    }

    @Test
    void anAdminCannotDeleteThemself() {
        String admin = createUser("admin");
        as(admin, PASSWORD).delete("/api/users/{u}", admin).then().statusCode(409);
        as(admin, PASSWORD).get("/api/users").then().statusCode(200);
    }

    @Test
    void storedPasswordsAreBcryptHashesNeverShown() {
        String name = createUser("viewer");
        String listing = Api.as("admin1").get("/api/users?size=200").asString();
        org.junit.jupiter.api.Assertions.assertFalse(listing.contains(PASSWORD) || listing.contains("$2a$"), listing);
        org.junit.jupiter.api.Assertions.assertTrue(listing.contains(name));
    }
}
