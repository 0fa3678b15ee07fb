package org.takedown.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.takedown.support.Api;
import org.takedown.support.ConsoleSession;

/** An officer makes an API token in the console: shown once, usable at once with the roles chosen, revoked there too. */
@QuarkusTest
class TokensPageTest {

    private static final Pattern SECRET =
            Pattern.compile("<code class=\"secret\" id=\"new-token\">(tdk_[A-Za-z0-9_-]+)</code>");

    @Test
    void aTokenIsShownOnceWorksForItsRolesAndIsRevokedFromTheConsole() {
        ConsoleSession officer = ConsoleSession.signIn("officer1");
        officer.htmx()
                .formParam("name", "export script")
                .formParam("roles", "admin")
                .post("/console/tokens")
                .then()
                .statusCode(422)
                .body(containsString("must be roles you have yourself"));
        Response created = officer.htmx()
                .formParam("name", "export script")
                .formParam("roles", "viewer")
                .formParam("expiresInDays", "30")
                .post("/console/tokens");
        created.then().statusCode(200).body(containsString("shown only this once"));
        Matcher secret = SECRET.matcher(created.asString());
        org.junit.jupiter.api.Assertions.assertTrue(secret.find(), created.asString());
        String token = secret.group(1);

        given().header("Authorization", "Bearer " + token)
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("username", equalTo("officer1"));
        String page = officer.request()
                .get("/console/tokens")
                .then()
                .statusCode(200)
                .body(containsString("export script"))
                .body(not(containsString(token)))
                .extract()
                .asString();
        long id = Api.as("officer1").get("/api/tokens").jsonPath().getLong("find { it.name == 'export script' }.id");
        org.junit.jupiter.api.Assertions.assertTrue(
                page.contains("/console/tokens/" + id + "/revoke"), "a revoke button");

        ConsoleSession.signIn("viewer1")
                .htmx()
                .post("/console/tokens/{id}/revoke", id)
                .then()
                .statusCode(422); // not theirs
        officer.htmx()
                .post("/console/tokens/{id}/revoke", id)
                .then()
                .statusCode(200)
                .body(containsString("Revoked the token export script"));
        given().header("Authorization", "Bearer " + token).get("/api/me").then().statusCode(401);
    }
}
