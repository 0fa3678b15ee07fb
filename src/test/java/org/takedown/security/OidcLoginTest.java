package org.takedown.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.takedown.support.Fixtures;

/**
 * The production switch: with OIDC on, officers present bearer tokens from the identity provider and their
 * roles come from a token claim. The provider is a local WireMock server (the real one is out of reach).
 */
@QuarkusTest
@TestProfile(OidcLoginTest.OidcOn.class)
public class OidcLoginTest {

    public static class OidcOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.oidc.tenant-enabled", "true",
                    "quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus/",
                    "quarkus.oidc.client-id", "quarkus-service-app",
                    "quarkus.oidc.token.issuer", "https://server.example.com",
                    "quarkus.oidc.roles.role-claim-path", "groups",
                    "takedown.demo.enabled", "false");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OidcWiremockTestResource.class));
        }
    }

    static String token(String user, String... roles) {
        return OidcWiremockTestResource.generateJwtToken(user, Set.of(roles));
    }

    @Test
    void rolesComeFromTheTokenClaim() {
        given().auth()
                .oauth2(token("olga", "officer"))
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("username", equalTo("olga"))
                .body("roles", equalTo(List.of("officer", "viewer")));
        given().auth()
                .oauth2(token("olga", "officer"))
                .contentType("application/json")
                .body(Fixtures.operationBody(Fixtures.codeName()))
                .post("/api/operations")
                .then()
                .statusCode(201)
                .body("createdBy", equalTo("olga"));
        given().auth()
                .oauth2(token("victor", "viewer"))
                .contentType("application/json")
                .body(Fixtures.operationBody(Fixtures.codeName()))
                .post("/api/operations")
                .then()
                .statusCode(403);
        given().auth().oauth2(token("ada", "admin")).get("/api/users").then().statusCode(200);
    }

    @Test
    void tokensThatAreNotTheProvidersAreRefused() {
        given().auth().oauth2("not-a-token").get("/api/me").then().statusCode(401);
        String valid = token("olga", "officer");
        String tampered =
                valid.substring(0, valid.lastIndexOf('.') + 1) + "AAAA" + valid.substring(valid.lastIndexOf('.') + 5);
        given().auth().oauth2(tampered).get("/api/me").then().statusCode(401);
        given().get("/api/me").then().statusCode(401);
    }

    @Test
    void anOidcUserUsesTheProvidersTokensNotApiTokens() {
        given().auth()
                .oauth2(token("olga", "officer"))
                .contentType("application/json")
                .body(java.util.Map.of("name", "script", "roles", List.of("viewer")))
                .post("/api/tokens")
                .then()
                .statusCode(403)
                .body("detail", org.hamcrest.Matchers.containsString("embedded users"));
    }
}
