package org.takedown.seizure;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.takedown.seizure.BannerFixtures.get;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.takedown.support.Api;
import org.takedown.support.Fixtures;
import org.takedown.support.XssCorpus;

@QuarkusTest
public class BannerContentTest {

    static final List<String> XSS = XssCorpus.PAYLOADS;

    static final Set<String> OWN_LINKS = Set.of("https://police.example.org/victims", "mailto:help@police.example.org");

    @Inject
    BannerSnapshots snapshots;

    @TestFactory
    List<DynamicTest> officerTextInEveryFieldRendersInert() {
        assertTrue(XSS.size() >= 30);
        return XSS.stream()
                .map(payload -> DynamicTest.dynamicTest(payload, () -> {
                    String host = BannerFixtures.host();
                    Map<String, Object> operation = Fixtures.operationBody(Fixtures.codeName());
                    // Names and titles refuse bidirectional controls (BidiIsolationTest): they get the payload without
                    // them.
                    String line = payload.replaceAll("[\\u202a-\\u202e\\u2066-\\u2069\\u200e\\u200f\\u061c]", "");
                    operation.put("name", line);
                    Map<String, Object> banner = BannerFixtures.banner(Map.of(
                            "en",
                            Map.of(
                                    "headline",
                                    line,
                                    "authorityStatement",
                                    payload,
                                    "message",
                                    payload + " {operation}",
                                    "callToActionLabel",
                                    line,
                                    "countdownLabel",
                                    line)));
                    banner.put(
                            "stages",
                            List.of(
                                    Map.of(
                                            "revealAt",
                                            "2020-01-01T00:00",
                                            "texts",
                                            Map.of("en", Map.of("title", line, "body", payload))),
                                    Map.of(
                                            "revealAt",
                                            "2099-01-01T00:00",
                                            "texts",
                                            Map.of("en", Map.of("title", "later", "body", "later")))));
                    long id =
                            BannerFixtures.operation("DRAFT", operation, List.of(BannerFixtures.domain(host)), banner);
                    long agency = Api.as("officer2")
                            .get("/api/operations/{id}/agencies", id)
                            .jsonPath()
                            .getLong("items[0].id");
                    Api.as("officer2")
                            .body(Map.of("name", line, "displayOrder", 1))
                            .put("/api/operations/{id}/agencies/{a}", id, agency)
                            .then()
                            .statusCode(200);
                    Fixtures.move(id, "officer2", "submit");
                    Fixtures.approve(id, "approver2");
                    snapshots.refreshNow();
                    String html =
                            get(host, "/").then().statusCode(200).extract().asString();
                    assertInert(html);
                    Document page = Jsoup.parse(html);
                    assertEquals(
                            line, page.selectFirst("h1").wholeText(), "the headline shows the officer's text as text");
                    assertEquals(line, page.selectFirst(".stage h2").wholeText());
                    assertEquals(line, page.selectFirst(".agency-name").wholeText());
                    // {operation} is filled between isolates (U+2068 ... U+2069).
                    assertEquals(
                            payload + " \u2068" + line + "\u2069",
                            page.selectFirst(".message").wholeText());
                }))
                .toList();
    }

    /** No script but our own, no event handler, no link or resource outside this host and the approved contacts. */
    static void assertInert(String html) {
        Document page = Jsoup.parse(html);
        for (Element script : page.select("script")) {
            assertEquals("/.seized/countdown.js", script.attr("src"), "only the self-hosted script: " + script);
            assertTrue(script.data().isEmpty(), "no inline script: " + script);
        }
        for (Element element : page.getAllElements()) {
            assertTrue(
                    Set.of(
                                    "html", "head", "body", "meta", "title", "link", "script", "header", "ul", "li",
                                    "img", "span", "bdi", "main", "h1", "h2", "p", "section", "time", "a", "footer",
                                    "nav", "#root")
                            .contains(element.tagName()),
                    "unexpected element <" + element.tagName() + ">");
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(java.util.Locale.ROOT);
                assertTrue(!name.startsWith("on"), "event handler " + attribute + " on " + element.tagName());
                if (Set.of("href", "src", "action", "formaction", "xlink:href", "data", "poster")
                        .contains(name)) {
                    String value = attribute.getValue();
                    assertTrue(
                            value.startsWith("/.seized/") || value.startsWith("?lang=") || OWN_LINKS.contains(value),
                            "foreign or scripted URL " + attribute + " on " + element.tagName());
                }
            }
        }
        for (Element meta : page.select("meta")) {
            assertTrue(meta.attr("http-equiv").isEmpty(), "meta http-equiv: " + meta);
        }
    }

    @Test
    void placeholdersAreFilledByCode() {
        String host = BannerFixtures.host();
        Map<String, Object> operation = Fixtures.operationBody(Fixtures.codeName());
        operation.put("name", "Operation Placeholder");
        Map<String, Object> domain = BannerFixtures.domain(host);
        domain.put("liveFrom", "2026-03-05T08:00");
        BannerFixtures.operation(
                "ACTIVE",
                operation,
                List.of(domain),
                BannerFixtures.banner(Map.of(
                        "en",
                                Map.of(
                                        "headline",
                                        "{domain} is seized",
                                        "message",
                                        "{operation} on {date}; {unknown} stays"),
                        "de", Map.of("headline", "{domain} beschlagnahmt", "message", "{operation} am {date}"))));
        snapshots.refreshNow();
        // Each value between isolates (U+2068 ... U+2069): officer text around it cannot reorder it
        // (BidiIsolationTest).
        get(host, "/")
                .then()
                .body(containsString("<h1>\u2068" + host + "\u2069 is seized</h1>"))
                .body(containsString(
                        "\u2068Operation Placeholder\u2069 on \u2068March 5, 2026\u2069; {unknown} stays"));
        get(host, "/?lang=de")
                .then()
                .body(containsString("\u2068Operation Placeholder\u2069 am \u20685. März 2026\u2069"));
    }

    @Test
    void theLanguageIsNegotiatedAndCanBeSwitched() {
        String host = BannerFixtures.host();
        BannerFixtures.operation(
                "ACTIVE",
                Fixtures.operationBody(Fixtures.codeName()),
                List.of(BannerFixtures.domain(host)),
                BannerFixtures.banner(Map.of(
                        "en",
                        BannerFixtures.texts("Seized"),
                        "de",
                        BannerFixtures.texts("Beschlagnahmt"),
                        "he",
                        BannerFixtures.texts("נתפס"))));
        snapshots.refreshNow();
        get(host, "/")
                .then()
                .body(containsString("<html lang=\"en\" dir=\"ltr\">"))
                .header("Content-Language", "en");
        io.restassured.RestAssured.given()
                .header("Host", host)
                .header("Accept-Language", "fr;q=1, de;q=0.8, en;q=0.5")
                .get("/")
                .then()
                .body(containsString("<h1>Beschlagnahmt</h1>"))
                .header("Content-Language", "de");
        io.restassured.RestAssured.given()
                .header("Host", host)
                .header("Accept-Language", "de")
                .get("/?lang=he")
                .then()
                .body(containsString("<html lang=\"he\" dir=\"rtl\">"))
                .body(containsString("<h1>נתפס</h1>"));
        get(host, "/?lang=xx").then().body(containsString("<h1>Seized</h1>"));
        Document page = Jsoup.parse(get(host, "/?lang=de").asString());
        assertEquals(
                List.of("?lang=de", "?lang=en", "?lang=he"),
                page.select(".languages a").eachAttr("href"));
        assertEquals(
                "?lang=de", page.selectFirst(".languages a[aria-current=true]").attr("href"));
        assertEquals("עברית", page.select(".languages a").get(2).text());
    }

    @Test
    void missingTextsFallBackToTheDefaultLanguageThenToBuiltInDefaults() {
        String host = BannerFixtures.host();
        BannerFixtures.operation(
                "ACTIVE",
                Fixtures.operationBody(Fixtures.codeName()),
                List.of(BannerFixtures.domain(host)),
                BannerFixtures.banner(Map.of(
                        "en",
                        Map.of("headline", "Seized", "message", "English message"),
                        "fr",
                        Map.of("headline", "Saisi"))));
        snapshots.refreshNow();
        get(host, "/?lang=fr")
                .then()
                .body(containsString("<h1>Saisi</h1>"))
                .body(containsString("English message"))
                .body(containsString("This domain has been seized by"));
        String defaults = BannerFixtures.host();
        BannerFixtures.operation(
                "ACTIVE", Fixtures.operationBody(Fixtures.codeName()), List.of(BannerFixtures.domain(defaults)), null);
        snapshots.refreshNow();
        get(defaults, "/")
                .then()
                .body(containsString("<h1>This website has been seized</h1>"))
                .body(containsString("under warrant \u2068" + Fixtures.REFERENCE + "\u2069"));
    }

    @Test
    void unsafeLinksAndIncompleteBannersAreRefusedOnSave() {
        long id = Fixtures.createOperation("officer1");
        for (String url : List.of(
                "javascript:alert(1)",
                "data:text/html,<script>",
                "http://police.example.org",
                "https://10.0.0.1/x",
                " https://police.example.org",
                "vbscript:msgbox(1)")) {
            Map<String, Object> banner = BannerFixtures.banner(Map.of("en", BannerFixtures.texts("x")));
            banner.put("callToAction", Map.of("url", url));
            Api.as("officer1")
                    .body(banner)
                    .put("/api/operations/{id}/banner", id)
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("callToAction.url"));
        }
        Map<String, Object> badEmail = BannerFixtures.banner(Map.of("en", BannerFixtures.texts("x")));
        badEmail.put("callToAction", Map.of("email", "x@example.org?bcc=all@example.org"));
        Api.as("officer1")
                .body(badEmail)
                .put("/api/operations/{id}/banner", id)
                .then()
                .statusCode(400);
        Map<String, Object> noDefault = BannerFixtures.banner(Map.of("de", BannerFixtures.texts("x")));
        Api.as("officer1")
                .body(noDefault)
                .put("/api/operations/{id}/banner", id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("defaultLanguage"));
        Map<String, Object> stageWithoutDefault =
                new HashMap<>(BannerFixtures.banner(Map.of("en", BannerFixtures.texts("x"))));
        stageWithoutDefault.put(
                "stages", List.of(Map.of("revealAt", "2030-01-01T00:00", "texts", Map.of("de", Map.of("title", "t")))));
        Api.as("officer1")
                .body(stageWithoutDefault)
                .put("/api/operations/{id}/banner", id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("stages[0].texts"));
        Map<String, Object> nested = new HashMap<>(BannerFixtures.banner(
                Map.of("en", BannerFixtures.texts("x"), "not a tag!", BannerFixtures.texts("y"))));
        nested.put(
                "stages",
                List.of(Map.of(
                        "revealAt",
                        "2030-01-01T00:00",
                        "texts",
                        Map.of("en", Map.of("title", "t"), "fr", Map.of("title", " ")))));
        Api.as("officer1")
                .body(nested)
                .put("/api/operations/{id}/banner", id)
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("stages[0].texts[fr].title", "texts[not a tag!]"));
        Map<String, Object> domain = BannerFixtures.domain(BannerFixtures.host());
        domain.put("unavailableForLegalReasons", true);
        Api.as("officer1")
                .body(domain)
                .post("/api/operations/{id}/seized-domains", id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("blockedBy"));
        domain.put("blockedBy", "javascript:alert(1)");
        Api.as("officer1")
                .body(domain)
                .post("/api/operations/{id}/seized-domains", id)
                .then()
                .statusCode(400);
        Api.as("officer1")
                .body(BannerFixtures.domain("localhost.localdomain"))
                .post("/api/operations/{id}/seized-domains", id)
                .then()
                .statusCode(201);
        Api.as("viewer1").get("/api/operations/{id}/banner", id).then().body("configured", equalTo(false));
    }

    @Test
    void theBannerIsPartOfTheApprovedContent() {
        String host = BannerFixtures.host();
        long id = BannerFixtures.liveOperation(host);
        snapshots.refreshNow();
        get(host, "/").then().statusCode(200);
        Api.as("officer1")
                .body(BannerFixtures.banner(Map.of("en", BannerFixtures.texts("Changed"))))
                .put("/api/operations/{id}/banner", id)
                .then()
                .statusCode(200)
                .body("configured", equalTo(true))
                .body("texts.en.headline", equalTo("Changed"));
        org.junit.jupiter.api.Assertions.assertEquals("PENDING_APPROVAL", Fixtures.status(id));
        snapshots.refreshNow();
        get(host, "/").then().statusCode(404);
        Fixtures.approve(id, "approver1");
        snapshots.refreshNow();
        get(host, "/").then().statusCode(200).body(containsString("<h1>Changed</h1>"));
    }

    @Test
    void aHostCannotBeSeizedTwiceNorBeAnOfficerHost() {
        String host = BannerFixtures.host();
        BannerFixtures.liveOperation(host);
        long other = Fixtures.createOperation("officer1");
        Api.as("officer1")
                .body(BannerFixtures.domain(host))
                .post("/api/operations/{id}/seized-domains", other)
                .then()
                .statusCode(409);
        Map<String, Object> viaAlias = BannerFixtures.domain(BannerFixtures.host());
        viaAlias.put("aliases", List.of(host.toUpperCase(java.util.Locale.ROOT)));
        Api.as("officer1")
                .body(viaAlias)
                .post("/api/operations/{id}/seized-domains", other)
                .then()
                .statusCode(409);
        String bare = BannerFixtures.host();
        Map<String, Object> www = BannerFixtures.domain(bare);
        www.put("includeWww", true);
        Api.as("officer1")
                .body(www)
                .post("/api/operations/{id}/seized-domains", other)
                .then()
                .statusCode(201);
        Api.as("officer1")
                .body(BannerFixtures.domain("www." + bare))
                .post("/api/operations/{id}/seized-domains", other)
                .then()
                .statusCode(409);
        Api.as("officer1")
                .body(BannerFixtures.domain("officers.takedown.test"))
                .post("/api/operations/{id}/seized-domains", other)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("hostname"));
        Map<String, Object> aliasIsOfficerHost = BannerFixtures.domain(BannerFixtures.host());
        aliasIsOfficerHost.put("aliases", List.of("Officers.Takedown.Test."));
        Api.as("officer1")
                .body(aliasIsOfficerHost)
                .post("/api/operations/{id}/seized-domains", other)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("aliases"));
    }
}
