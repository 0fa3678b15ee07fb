package org.takedown.support;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.takedown.security.SessionCookie;

/** A console session opened through the sign-in form, for RestAssured tests: its cookie and its CSRF token. */
public record ConsoleSession(String cookie, String csrf) {

    private static final Pattern CSRF = Pattern.compile("\"X-CSRF-Token\": \"([A-Za-z0-9_-]+)\"");

    public static ConsoleSession signIn(String user) {
        Response login = given().redirects()
                .follow(false)
                .formParam("username", user)
                .formParam("password", Api.PASSWORD)
                .post("/console/login");
        if (login.statusCode() != 303) {
            throw new AssertionError("sign-in as " + user + " answered " + login.statusCode());
        }
        String cookie = login.getCookie(SessionCookie.NAME);
        String page = given().cookie(SessionCookie.NAME, cookie)
                .get("/console")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Matcher csrf = CSRF.matcher(page);
        if (!csrf.find()) {
            throw new AssertionError("no CSRF token on the dashboard");
        }
        return new ConsoleSession(cookie, csrf.group(1));
    }

    /** A request in this session, without the CSRF header; forms in UTF-8, as browsers send them. */
    public RequestSpecification request() {
        return given().config(RestAssured.config()
                        .encoderConfig(EncoderConfig.encoderConfig().defaultContentCharset(StandardCharsets.UTF_8)))
                .redirects()
                .follow(false)
                .cookie(SessionCookie.NAME, cookie);
    }

    /** A request in this session carrying its CSRF token, as htmx sends it. */
    public RequestSpecification htmx() {
        return request().header("X-CSRF-Token", csrf).header("HX-Request", "true");
    }
}
