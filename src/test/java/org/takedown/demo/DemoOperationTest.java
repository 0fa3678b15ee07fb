package org.takedown.demo;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.takedown.support.Api;

@QuarkusTest
public class DemoOperationTest {

    @Inject
    DemoOperationLoader loader;

    static long demoId() {
        return Api.as("viewer1")
                .queryParam("q", DemoOperationLoader.CODE_NAME)
                .get("/api/operations")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .extract()
                .jsonPath()
                .getLong("items[0].id");
    }

    @Test
    void theDemoOperationIsLoadedAndRunning() {
        long id = demoId();
        Api.as("viewer1")
                .get("/api/operations/{id}", id)
                .then()
                .body("status", equalTo("ACTIVE"))
                .body("legalAuthority.type", equalTo("COURT_ORDER"))
                .body(
                        "approvedContentHash",
                        equalTo(Api.as("viewer1")
                                .get("/api/operations/{id}/content", id)
                                .path("sha256")));
        Api.as("viewer1")
                .get("/api/operations/{id}/agencies", id)
                .then()
                .body("total", equalTo(3))
                .body("items.emblemContentType", equalTo(List.of("image/svg+xml", "image/svg+xml", "image/svg+xml")))
                .body("items[0].emblemSha256", notNullValue());
        long agency = Api.as("viewer1")
                .get("/api/operations/{id}/agencies", id)
                .jsonPath()
                .getLong("items[0].id");
        Api.as("viewer1")
                .accept("image/svg+xml")
                .get("/api/operations/{id}/agencies/{a}/emblem", id, agency)
                .then()
                .statusCode(200)
                .contentType("image/svg+xml")
                .body(startsWith("<svg"));
        Api.as("viewer1")
                .get("/api/operations/{id}/seized-domains", id)
                .then()
                .body("items.hostname", equalTo(List.of("spoof-demo.localhost")));
        Api.as("viewer1")
                .get("/api/operations/{id}/notices", id)
                .then()
                .body("total", equalTo(1))
                .body(
                        "items[0].texts.en",
                        org.hamcrest.Matchers.containsString("Don't be surprised when more visits follow."));
        Api.as("viewer1")
                .get("/api/operations/{id}/telegram-targets", id)
                .then()
                .body("total", equalTo(1));
        Api.as("viewer1")
                .queryParam("entityType", "operation")
                .queryParam("entityId", id)
                .get("/api/audit")
                .then()
                .body("items.actor", hasItem("demo:approver"))
                .body("items.actor", hasItem("demo:officer"));
    }

    @Test
    void itsBannerIsLiveOnTheDemoHost() {
        io.restassured.RestAssured.given()
                .header("Host", "spoof-demo.localhost")
                .get("/")
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString("<h1>This website has been seized</h1>"))
                .body(org.hamcrest.Matchers.containsString("Operation Switchboard (demo)"))
                .body(org.hamcrest.Matchers.containsString("data-remaining"));
        io.restassured.RestAssured.given()
                .header("Host", "spoof-demo.localhost")
                .get("/?lang=ar")
                .then()
                .body(org.hamcrest.Matchers.containsString("dir=\"rtl\""));
    }

    @Test
    void itIsLoadedOnlyOnce() {
        long id = demoId();
        loader.onStart(null);
        org.junit.jupiter.api.Assertions.assertEquals(id, demoId());
    }
}
