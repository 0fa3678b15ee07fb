package org.takedown.seizure;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.takedown.support.Api;
import org.takedown.support.Fixtures;

/** Operations with seized domains and banners, taken through approval by the API, for banner tests (and the replica tests). */
public final class BannerFixtures {

    static final String MARKER = "<meta name=\"takedown\" content=\"seizure-banner\">";
    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private BannerFixtures() {}

    public static String host() {
        return "seized-" + Fixtures.unique() + ".example";
    }

    public static Map<String, Object> domain(String host) {
        Map<String, Object> body = new HashMap<>();
        body.put("hostname", host);
        return body;
    }

    public static Map<String, Object> banner(Map<String, Object> texts) {
        Map<String, Object> body = new HashMap<>();
        body.put("defaultLanguage", "en");
        body.put("texts", texts);
        body.put(
                "callToAction",
                Map.of("url", "https://police.example.org/victims", "email", "help@police.example.org"));
        return body;
    }

    public static Map<String, Object> texts(String headline) {
        return Map.of(
                "headline",
                headline,
                "authorityStatement",
                "Seized under warrant W/1 on {date}.",
                "message",
                "{domain} was part of {operation}.",
                "callToActionLabel",
                "Find out more");
    }

    /** Creates, approves and (if {@code state} is ACTIVE) activates an operation; returns its id. */
    public static long operation(
            String state,
            Map<String, Object> operationBody,
            List<Map<String, Object>> domains,
            Map<String, Object> banner) {
        long id = Fixtures.createOperation("officer2", operationBody);
        long agency = Fixtures.addAgency(id, "officer2");
        Fixtures.setEmblem(id, agency, "officer2");
        for (Map<String, Object> domain : domains) {
            Api.as("officer2")
                    .body(domain)
                    .post("/api/operations/{id}/seized-domains", id)
                    .then()
                    .statusCode(201);
        }
        if (banner != null) {
            Api.as("officer2")
                    .body(banner)
                    .put("/api/operations/{id}/banner", id)
                    .then()
                    .statusCode(200);
        }
        if (!state.equals("DRAFT")) {
            Fixtures.move(id, "officer2", "submit");
        }
        if (state.equals("APPROVED") || state.equals("ACTIVE") || state.equals("PAUSED")) {
            Fixtures.approve(id, "approver2");
        }
        if (state.equals("ACTIVE") || state.equals("PAUSED")) {
            Fixtures.move(id, "officer2", "activate");
        }
        if (state.equals("PAUSED")) {
            Fixtures.move(id, "officer2", "pause");
        }
        return id;
    }

    public static long liveOperation(String host) {
        return operation(
                "ACTIVE",
                Fixtures.operationBody(Fixtures.codeName()),
                List.of(domain(host)),
                banner(Map.of("en", texts("Seized"))));
    }

    public static Response get(String host, String path) {
        return given().header("Host", host).get(path);
    }
}
