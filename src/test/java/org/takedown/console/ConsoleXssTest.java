package org.takedown.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.takedown.support.Api;
import org.takedown.support.ConsoleSession;
import org.takedown.support.Fixtures;
import org.takedown.support.XssCorpus;

/**
 * Every payload of the XSS corpus entered through the console's forms, in every field that shows text (operation,
 * agency, target, notice, banner, watch note and rule, kill switch reason, and the values echoed back on refused
 * forms), then every console page read back: nothing the officer typed became markup, a script, an event handler, a
 * frame or a link of its own, and template syntax stayed text.
 */
@QuarkusTest
class ConsoleXssTest {

    @AfterEach
    void release() {
        Api.as("admin1")
                .body(Map.of("engaged", false))
                .put("/api/kill-switch")
                .then()
                .statusCode(200);
    }

    @TestFactory
    List<DynamicTest> officerTextIsInertOnEveryConsolePage() {
        assertTrue(XssCorpus.PAYLOADS.size() >= 30);
        ConsoleSession officer = ConsoleSession.signIn("officer1");
        ConsoleSession admin = ConsoleSession.signIn("admin1");
        return XssCorpus.PAYLOADS.stream()
                .map(payload -> DynamicTest.dynamicTest(payload, () -> {
                    List<String> pages = new ArrayList<>();
                    Map<String, String> op = OperationPagesTest.form(Fixtures.codeName());
                    // Names refuse bidirectional controls (BidiIsolationTest): they get the payload without them.
                    String line = payload.replaceAll("[\\u202a-\\u202e\\u2066-\\u2069\\u200e\\u200f\\u061c]", "");
                    op.put("name", line);
                    op.put("description", payload);
                    long id = OperationPagesTest.create(officer, op.get("codeName"), op);
                    pages.add(officer.htmx()
                            .multiPart("name", line)
                            .multiPart("displayOrder", "1")
                            .post("/console/operations/{id}/agencies", id)
                            .asString());
                    pages.add(officer.htmx()
                            .formParam("hostname", payload)
                            .post("/console/operations/{id}/seized-domains", id)
                            .asString());
                    pages.add(officer.htmx()
                            .formParam("chat", "@xss_target_1")
                            .formParam("title", payload)
                            .post("/console/operations/{id}/telegram-targets", id)
                            .asString());
                    Map<String, String> refusedNotice = OperationSectionsTest.notice(payload);
                    refusedNotice.put("title", payload);
                    pages.add(officer.htmx()
                            .formParams(refusedNotice)
                            .post("/console/operations/{id}/notices", id)
                            .asString());
                    pages.add(officer.htmx()
                            .formParams(refusedNotice)
                            .post("/console/operations/{id}/notices/preview", id)
                            .asString());
                    Map<String, String> notice = OperationSectionsTest.notice("Using spoofing services is illegal.");
                    notice.put("title", payload);
                    pages.add(officer.htmx()
                            .formParams(notice)
                            .post("/console/operations/{id}/notices", id)
                            .asString());
                    Map<String, String> banner = OperationSectionsTest.banner(payload);
                    banner.put("message", payload);
                    banner.put("stageRevealAt", "2030-01-01T09:00");
                    banner.put("stageTitle", payload);
                    banner.put("stageBody", payload);
                    banner.put("translationStage", "1");
                    banner.put("translationLanguage", "de");
                    banner.put("translationTitle", payload);
                    banner.put("translationBody", payload);
                    pages.add(officer.htmx()
                            .formParams(banner)
                            .post("/console/operations/{id}/banner/preview", id)
                            .asString());
                    pages.add(officer.htmx()
                            .formParams(banner)
                            .post("/console/operations/{id}/banner", id)
                            .asString());
                    pages.add(officer.htmx()
                            .formParam("kind", "TELEGRAM_CHANNEL")
                            .formParam("value", "@xss_channel_1")
                            .formParam("note", payload)
                            .post("/console/operations/{id}/watch/targets", id)
                            .asString());
                    pages.add(officer.htmx()
                            .formParam("ruleKind", "KEYWORD")
                            .formParam("pattern", payload)
                            .post("/console/operations/{id}/watch/rules", id)
                            .asString());
                    pages.add(officer.htmx()
                            .formParam("transition", "SUBMIT")
                            .formParam("reason", payload)
                            .post("/console/operations/{id}/move", id)
                            .asString());
                    pages.add(admin.htmx()
                            .formParam("engaged", "true")
                            .formParam("reason", payload)
                            .post("/console/kill-switch")
                            .asString());
                    String listAnswer = officer.htmx()
                            .formParam("name", line)
                            .post("/console/operations/{id}/victims", id)
                            .asString();
                    pages.add(listAnswer);
                    List<Object> lists = Api.as("viewer1")
                            .get("/api/operations/{id}/victim-lists", id)
                            .jsonPath()
                            .getList("id");
                    assertTrue(!lists.isEmpty() || listAnswer.contains("list-name-error"), "no list, no refusal");
                    for (Object listId : lists) {
                        pages.add(officer.request()
                                .get("/console/operations/{id}/victims/{l}", id, listId)
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString());
                        pages.add(CampaignPagesTest.filled(
                                        officer.htmx(), ((Number) listId).longValue(), CampaignPagesTest.TEXT, line)
                                .post("/console/operations/{id}/campaigns/new", id)
                                .asString());
                    }
                    for (Object campaignId : Api.as("viewer1")
                            .get("/api/operations/{id}/campaigns", id)
                            .jsonPath()
                            .getList("id")) {
                        for (String part : List.of("", "/report", "/run", "/edit")) {
                            pages.add(officer.request()
                                    .get("/console/operations/{id}/campaigns/{c}" + part, id, campaignId)
                                    .then()
                                    .statusCode(200)
                                    .extract()
                                    .asString());
                        }
                    }
                    for (String path : List.of(
                            "/console",
                            "/console/operations/" + id + "/victims",
                            "/console/operations/" + id + "/campaigns",
                            "/console/operations/" + id + "/campaigns/new",
                            "/console/operations",
                            "/console/operations/" + id,
                            "/console/operations/" + id + "/agencies",
                            "/console/operations/" + id + "/seized-domains",
                            "/console/operations/" + id + "/banner",
                            "/console/operations/" + id + "/telegram-targets",
                            "/console/operations/" + id + "/notices",
                            "/console/operations/" + id + "/runs",
                            "/console/operations/" + id + "/watch",
                            "/console/approvals",
                            "/console/approvals/" + id,
                            "/console/audit?operationId=" + id,
                            "/console/statistics?operationId=" + id,
                            "/console/deliveries/unknown")) {
                        String page = officer.request()
                                .get(path)
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString();
                        pages.add(page);
                    }
                    for (Object noticeId : Api.as("viewer1")
                            .get("/api/operations/{id}/notices", id)
                            .jsonPath()
                            .getList("items.id")) {
                        pages.add(officer.request()
                                .get("/console/operations/{id}/notices/{n}/edit", id, noticeId)
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString());
                    }
                    for (String page : pages) {
                        assertInert(page, payload);
                    }
                    assertTrue(
                            pages.stream()
                                    .anyMatch(page -> Jsoup.parse(page).text().contains(payload.strip())),
                            "the payload is shown, as text, somewhere");
                }))
                .toList();
    }

    static void assertInert(String html, String payload) {
        if (payload.contains("<")) {
            assertFalse(html.contains(payload), "the payload appears unescaped");
        }
        Document page = Jsoup.parse(html);
        for (Element element : page.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                assertFalse(
                        attribute.getKey().toLowerCase().startsWith("on"),
                        "event handler " + attribute + " on " + element.tagName());
                String value = attribute.getValue().strip().toLowerCase();
                if (List.of("href", "src", "action", "formaction", "data", "xlink:href")
                        .contains(attribute.getKey().toLowerCase())) {
                    assertFalse(
                            value.startsWith("javascript:") || value.startsWith("data:text"),
                            "script URL " + attribute);
                    assertFalse(
                            value.startsWith("https://evil.example") || value.startsWith("https://tracker.example"),
                            "foreign " + attribute);
                }
            }
        }
        for (Element script : page.select("script")) {
            String src = script.attr("src");
            assertTrue(
                    src.startsWith("/webjars/")
                            || src.startsWith("/console/static/")
                            || src.startsWith("/console/banner-assets/"),
                    "a script of the console's own: " + script);
            assertEquals("", script.data(), "no inline script");
        }
        for (String tag : List.of(
                "object",
                "embed",
                "base",
                "form[action^=http]",
                "link[href^=http]",
                "meta[http-equiv]",
                "style",
                "svg",
                "math")) {
            assertTrue(page.select(tag).isEmpty(), tag + " from officer text: " + page.select(tag));
        }
        for (Element frame : page.select("iframe")) {
            assertEquals("banner-frame", frame.className(), "only the banner preview frame");
            assertEquals("allow-same-origin", frame.attr("sandbox"), "the preview runs no script");
            assertInert(frame.attr("srcdoc"), payload);
        }
    }
}
