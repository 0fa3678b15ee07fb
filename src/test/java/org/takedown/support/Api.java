package org.takedown.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** RestAssured requests as one of the test users configured in application.properties (%test). */
public final class Api {

    public static final String PASSWORD = "test-password-123";

    private Api() {}

    public static RequestSpecification as(String user) {
        return given().auth()
                .preemptive()
                .basic(user, PASSWORD)
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    /** The value of an {@code Authorization: Basic} header for a test user. */
    public static String basic(String user) {
        return java.util.Base64.getEncoder()
                .encodeToString((user + ":" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
