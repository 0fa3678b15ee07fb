package org.takedown.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.takedown.security.SessionCookie;
import org.takedown.support.Api;
import org.takedown.support.ConsoleSession;
import org.takedown.support.Fixtures;

/** Admins manage officers' accounts in the console; a new password or a removal ends the user's sessions. */
@QuarkusTest
class UsersPageTest {

    @Test
    void anAdminCreatesAnOfficerWhoSignsInAndANewPasswordEndsTheirSession() {
        ConsoleSession admin = ConsoleSession.signIn("admin1");
        String name = "olivia" + Fixtures.unique();
        admin.htmx()
                .formParam("username", name)
                .formParam("password", "short")
                .formParam("roles", "officer")
                .post("/console/users")
                .then()
                .statusCode(422)
                .body(containsString("id=\"user-password-error\""));
        admin.htmx()
                .formParam("username", name)
                .formParam("password", "a-long-password-1")
                .formParam("roles", "officer")
                .formParam("roles", "approver")
                .post("/console/users")
                .then()
                .statusCode(200)
                .body(containsString("Created " + name));
        Api.as("admin1").get("/api/users").then().body("items.username", org.hamcrest.Matchers.hasItem(name));

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
                .statusCode(200)
                .body(containsString("(viewer, officer, approver)"))
                .body(not(containsString("href=\"/console/users\"")));

        admin.htmx()
                .formParam("password", "another-password-2")
                .post("/console/users/{u}/password", name)
                .then()
                .statusCode(200)
                .body(containsString("their sessions ended"));
        given().redirects()
                .follow(false)
                .cookie(SessionCookie.NAME, cookie)
                .get("/console")
                .then()
                .statusCode(303);
        given().redirects()
                .follow(false)
                .formParam("username", name)
                .formParam("password", "another-password-2")
                .post("/console/login")
                .then()
                .statusCode(303);

        admin.htmx()
                .post("/console/users/{u}/remove", name)
                .then()
                .statusCode(200)
                .body(containsString("Removed " + name));
        admin.htmx()
                .post("/console/users/{u}/remove", "admin1")
                .then()
                .statusCode(422)
                .body(containsString("is managed by configuration"));
    }

    @Test
    void onlyAdminsReachTheUsersPage() {
        ConsoleSession officer = ConsoleSession.signIn("officer1");
        officer.request()
                .get("/console/users")
                .then()
                .statusCode(403)
                .contentType(containsString("text/html"))
                .body(containsString("Not allowed"));
        officer.htmx()
                .formParam("username", "mallory" + Fixtures.unique())
                .formParam("password", "a-long-password-1")
                .formParam("roles", "admin")
                .post("/console/users")
                .then()
                .statusCode(403);
    }
}
