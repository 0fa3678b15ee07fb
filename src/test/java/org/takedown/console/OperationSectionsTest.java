package org.takedown.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.takedown.support.Api;
import org.takedown.support.ConsoleSession;
import org.takedown.support.Fixtures;

/** The parts of an operation edited in the console: each saved through the same service as the API, errors by field. */
@QuarkusTest
class OperationSectionsTest {

    static Map<String, String> notice(String text) {
        Map<String, String> form = new HashMap<>();
        form.put("title", "Warning " + Fixtures.unique());
        form.put("defaultLanguage", "en");
        form.put("language", "en");
        form.put("text", text);
        form.put("overflow", "REFUSE");
        return form;
    }

    @Test
    void anAgencyIsAddedWithItsEmblemAndAnEmblemThatHidesAScriptAddsNothing() {
        long op = Fixtures.createOperation("officer1");
        ConsoleSession officer = ConsoleSession.signIn("officer1");
        String hostile = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";
        Response refused = officer.htmx()
                .multiPart("name", "Hostile Agency")
                .multiPart("displayOrder", "1")
                .multiPart("emblem", "emblem.svg", hostile.getBytes(StandardCharsets.UTF_8), "image/svg+xml")
                .post("/console/operations/{id}/agencies", op);
        assertEquals(422, refused.statusCode());
        assertTrue(refused.asString().contains("id=\"agency-emblem-error\""), "the error is next to the emblem field");
        assertTrue(refused.asString().contains("value=\"Hostile Agency\""), "what was typed is kept");
        Api.as("viewer1").get("/api/operations/{id}/agencies", op).then().body("items", hasSize(0));

        officer.htmx()
                .multiPart("name", "National Crime Agency")
                .multiPart("website", "https://nca.example.org")
                .multiPart("displayOrder", "1")
                .multiPart("emblem", "emblem.svg", Fixtures.SVG.getBytes(StandardCharsets.UTF_8), "image/svg+xml")
                .post("/console/operations/{id}/agencies", op)
                .then()
                .statusCode(200)
                .body(containsString("Added National Crime Agency."))
                .body(containsString("alt=\"Emblem of \u2068National Crime Agency\u2069\""))
                .header("HX-Trigger", "operation-changed");
        long agency = Api.as("viewer1")
                .get("/api/operations/{id}/agencies", op)
                .jsonPath()
                .getLong("items[0].id");
        officer.request()
                .get("/console/operations/{id}/agencies/{a}/emblem", op, agency)
                .then()
                .statusCode(200)
                .contentType("image/svg+xml")
                .header("Content-Security-Policy", containsString("sandbox"));

        officer.htmx()
                .post("/console/operations/{id}/agencies/{a}/remove", op, agency)
                .then()
                .statusCode(200)
                .body(containsString("Removed."));
        Api.as("viewer1").get("/api/operations/{id}/agencies", op).then().body("items", hasSize(0));
    }

    @Test
    void seizedDomainsAreAddedWithTheirScheduleAndABadHostNameIsShownAtItsField() {
        long op = Fixtures.createOperation("officer1");
        ConsoleSession officer = ConsoleSession.signIn("officer1");
        officer.htmx()
                .formParam("hostname", "not a domain")
                .post("/console/operations/{id}/seized-domains", op)
                .then()
                .statusCode(422)
                .body(containsString("id=\"domain-hostname-error\""))
                .body(containsString("value=\"not a domain\""));
        String host = "seized-" + Fixtures.unique() + ".example";
        officer.htmx()
                .formParam("hostname", host)
                .formParam("includeWww", "true")
                .formParam("liveFrom", "2030-01-02T09:00")
                .formParam("aliases", "alias-" + Fixtures.unique() + ".example")
                .post("/console/operations/{id}/seized-domains", op)
                .then()
                .statusCode(200)
                .body(containsString("www." + host))
                .body(containsString("2030-01-02 09:00 " + Fixtures.ZONE));
        Api.as("viewer1")
                .get("/api/operations/{id}/seized-domains", op)
                .then()
                .body("items[0].hostname", equalTo(host))
                .body("items[0].includeWww", equalTo(true))
                .body("items[0].aliases", hasSize(1));
    }

    @Test
    void telegramTargetsAreAddedAndChecked() {
        long op = Fixtures.createOperation("officer1");
        ConsoleSession officer = ConsoleSession.signIn("officer1");
        officer.htmx()
                .formParam("chat", "not-a-chat")
                .post("/console/operations/{id}/telegram-targets", op)
                .then()
                .statusCode(422)
                .body(containsString("id=\"target-chat-error\""));
        officer.htmx()
                .formParam("chat", "@fraud_adverts_1")
                .formParam("language", "de")
                .post("/console/operations/{id}/telegram-targets", op)
                .then()
                .statusCode(200)
                .body(containsString("@fraud_adverts_1"));
        officer.htmx()
                .post("/console/operations/{id}/telegram-targets/preflight", op)
                .then()
                .statusCode(200)
                .body(containsString("Checked 1 targets."))
                .body(containsString("preflight-DRY_RUN"));
        Api.as("viewer1")
                .get("/api/operations/{id}/telegram-targets", op)
                .then()
                .body("items[0].preflightStatus", equalTo("DRY_RUN"))
                .body("items[0].language", equalTo("de"));
    }

    @Test
    void theNoticePreviewShowsLengthAndProblemsAsTypedAndFormatsOnlyTelegramsTags() {
        long op = Fixtures.createOperation("officer1");
        ConsoleSession officer = ConsoleSession.signIn("officer1");
        String preview = officer.htmx()
                .formParams(notice("<b>Using spoofing services</b> is illegal. <script>alert(1)</script>"
                        + "<img src=x onerror=alert(2)> See {url}"))
                .post("/console/operations/{id}/notices/preview", op)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertFalse(
                preview.contains("<script") || preview.contains("onerror=") || preview.contains("<img"),
                "nothing runs: " + preview);
        assertTrue(preview.contains("text: "), "Telegram would refuse the unsupported tags: " + preview);

        String ok = officer.htmx()
                .formParams(notice("<b>Using spoofing services for criminal purposes is illegal.</b>"))
                .post("/console/operations/{id}/notices/preview", op)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(ok.contains("<b>Using spoofing services for criminal purposes is illegal.</b>"), ok);
        assertTrue(ok.contains("class=\"bubble\""), ok);
        assertTrue(ok.matches("(?s).*[0-9]+ / 4096 characters.*"), ok);
        assertFalse(ok.contains("field-error"), ok);
        Api.as("viewer1").get("/api/operations/{id}/notices", op).then().body("items", hasSize(0));
    }

    @Test
    void aNoticeTelegramWouldRefuseIsShownAtItsTextAndAGoodOneIsAdded() {
        long op = Fixtures.createOperation("officer1");
        ConsoleSession officer = ConsoleSession.signIn("officer1");
        officer.htmx()
                .formParams(notice("<b>unclosed"))
                .post("/console/operations/{id}/notices", op)
                .then()
                .statusCode(422)
                .body(containsString("id=\"notice-text0-error\""))
                .body(containsString("&lt;b&gt;unclosed"));
        Map<String, String> tooLong = notice("x".repeat(5000));
        officer.htmx()
                .formParams(tooLong)
                .post("/console/operations/{id}/notices", op)
                .then()
                .statusCode(422)
                .body(containsString("choose overflow SPLIT"));
        Map<String, String> good = notice("Don't be surprised when more visits follow.");
        officer.htmx()
                .formParams(good)
                .formParam("language", "de")
                .formParam("text", "Wundern Sie sich nicht über weitere Besuche.")
                .post("/console/operations/{id}/notices", op)
                .then()
                .statusCode(200)
                .body(containsString("Added " + good.get("title")));
        Api.as("viewer1")
                .get("/api/operations/{id}/notices", op)
                .then()
                .body("items", hasSize(1))
                .body("items[0].texts.de", containsString("Wundern"));

        Map<String, String> scheduled = notice("Don't be surprised when more visits follow.");
        scheduled.put("schedule.at", "2099-03-04T10:15");
        officer.htmx()
                .formParams(scheduled)
                .post("/console/operations/{id}/notices", op)
                .then()
                .statusCode(200)
                .body(containsString("once at 2099-03-04 10:15 " + Fixtures.ZONE));
        Map<String, String> badCron = notice("Don't be surprised when more visits follow.");
        badCron.put("schedule.cron", "every morning");
        officer.htmx()
                .formParams(badCron)
                .post("/console/operations/{id}/notices", op)
                .then()
                .statusCode(422)
                .body(containsString("id=\"notice-schedule.cron-error\""))
                .body(containsString("value=\"every morning\""));
        Api.as("viewer1")
                .get("/api/operations/{id}/notices", op)
                .then()
                .body("items", hasSize(2))
                .body(
                        "items.find { it.title == '" + scheduled.get("title") + "' }.schedule.at",
                        equalTo("2099-03-04T10:15:00"));
    }

    @Test
    void sendNowIsOfferedOnlyForAnActiveOperationAndOpensTheRunsReport() {
        long[] ids = Fixtures.activeWithScheduledNotice(Map.of("at", Fixtures.localIn(3600)));
        ConsoleSession officer = ConsoleSession.signIn("officer1");
        officer.request()
                .get("/console/operations/{id}/notices", ids[0])
                .then()
                .statusCode(200)
                .body(containsString("Send now"));
        Response sent = officer.htmx().post("/console/operations/{id}/notices/{n}/send", ids[0], ids[1]);
        assertEquals(204, sent.statusCode());
        String report = sent.getHeader("HX-Redirect");
        assertTrue(report.matches("/console/operations/" + ids[0] + "/runs/[0-9]+"), report);
        officer.request().get(report).then().statusCode(200).body(containsString("Delivery report"));
        officer.request()
                .get(report + "/deliveries.csv")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("attachment"))
                .body(containsString("delivery,chat,part,parts,language,status"));
        officer.request()
                .get("/console/operations/{id}/runs", ids[0])
                .then()
                .statusCode(200)
                .body(containsString(report));

        long draft = Fixtures.createOperation("officer1");
        officer.request()
                .get("/console/operations/{id}/notices", draft)
                .then()
                .statusCode(200)
                .body(not(containsString("Send now")));
    }

    static Map<String, String> banner(String headline) {
        Map<String, String> form = new HashMap<>();
        form.put("defaultLanguage", "en");
        form.put("language", "en");
        form.put("headline", headline);
        form.put("message", "Using spoofing services for criminal purposes is illegal.");
        form.put("visitLog", "NONE");
        form.put("visitRetentionDays", "30");
        return form;
    }

    @Test
    void theBannerIsSavedAndPreviewedByTheRealRendererWithOfficerTextInert() {
        long op = Fixtures.createOperation("officer1");
        ConsoleSession officer = ConsoleSession.signIn("officer1");
        String hostile = "Seized <script>alert(1)</script> \" onload=\"alert(2)";
        String preview = officer.htmx()
                .formParams(banner(hostile))
                .post("/console/operations/{id}/banner/preview", op)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(preview.contains("<iframe class=\"banner-frame\""), preview);
        assertTrue(preview.contains("sandbox=\"allow-same-origin\""), "no script runs in the preview");
        assertFalse(
                preview.contains("<script>alert") || preview.contains("&lt;script&gt;alert"),
                "the headline is escaped inside the page: " + preview);
        assertTrue(
                preview.contains("&amp;lt;script&amp;gt;alert(1)"), "escaped by the renderer, then for the attribute");
        assertTrue(preview.contains("/console/banner-assets/banner.css"), "assets from the officer host");
        Api.as("viewer1").get("/api/operations/{id}/banner", op).then().body("configured", equalTo(false));

        officer.request()
                .get("/console/operations/{id}/banner", op)
                .then()
                .statusCode(200)
                .body(containsString("id=\"banner-headline0\""));
        officer.htmx()
                .formParams(banner("This website has been seized"))
                .post("/console/operations/{id}/banner", op)
                .then()
                .statusCode(200)
                .body(containsString("Saved the banner."))
                .header("HX-Trigger", "operation-changed");
        Api.as("viewer1")
                .get("/api/operations/{id}/banner", op)
                .then()
                .body("configured", equalTo(true))
                .body("texts.en.headline", equalTo("This website has been seized"));
        given().get("/console/banner-assets/banner.css").then().statusCode(200).contentType(containsString("text/css"));
        given().get("/console/banner-assets/banner.html").then().statusCode(404);
    }

    @Test
    void aBannerWhoseDefaultLanguageHasNoTextsIsShownAtTheField() {
        long op = Fixtures.createOperation("officer1");
        ConsoleSession officer = ConsoleSession.signIn("officer1");
        Map<String, String> form = banner("Seized");
        form.put("defaultLanguage", "de");
        officer.htmx()
                .formParams(form)
                .post("/console/operations/{id}/banner", op)
                .then()
                .statusCode(422)
                .body(containsString("id=\"banner-defaultLanguage-error\""));
        form = banner("");
        officer.htmx()
                .formParams(form)
                .post("/console/operations/{id}/banner", op)
                .then()
                .statusCode(422)
                .body(containsString("id=\"banner-headline0-error\""));
        Api.as("viewer1").get("/api/operations/{id}/banner", op).then().body("configured", equalTo(false));
    }

    @Test
    void aBannerInFourLanguagesIsSavedAndTheFormOffersAFifth() {
        long op = Fixtures.createOperation("officer1");
        ConsoleSession officer = ConsoleSession.signIn("officer1");
        officer.htmx()
                .formParam("defaultLanguage", "en")
                .formParam("language", "en", "de", "fr", "es")
                .formParam("headline", "Seized", "Beschlagnahmt", "Saisi", "Incautado")
                .formParam("authorityStatement", "", "", "", "")
                .formParam("message", "", "", "", "")
                .formParam("callToActionLabel", "", "", "", "")
                .formParam("countdownLabel", "", "", "", "")
                .formParam("visitLog", "NONE")
                .formParam("visitRetentionDays", "30")
                .post("/console/operations/{id}/banner", op)
                .then()
                .statusCode(200)
                .body(containsString("Saved the banner."));
        Api.as("viewer1")
                .get("/api/operations/{id}/banner", op)
                .then()
                .body("texts.es.headline", equalTo("Incautado"))
                .body("texts.de.headline", equalTo("Beschlagnahmt"));
        officer.request()
                .get("/console/operations/{id}/banner", op)
                .then()
                .statusCode(200)
                .body(containsString("id=\"banner-headline4\""))
                .body(not(containsString("id=\"banner-headline5\"")));
    }

    @Test
    void aBannerWithStageTextsInSeveralLanguagesIsEditedWithoutLosingAny() {
        long op = Fixtures.createOperation("officer1");
        Map<String, Object> banner = new HashMap<>(Map.of(
                "defaultLanguage",
                "en",
                "texts",
                Map.of("en", Map.of("headline", "Seized"), "de", Map.of("headline", "Beschlagnahmt"))));
        banner.put(
                "stages",
                List.of(
                        Map.of(
                                "revealAt",
                                "2030-01-01T09:00",
                                "texts",
                                Map.of(
                                        "en",
                                        Map.of("title", "Arrests"),
                                        "de",
                                        Map.of("title", "Festnahmen", "body", "Mehr folgt"))),
                        Map.of(
                                "revealAt",
                                "2030-01-02T09:00",
                                "texts",
                                Map.of("en", Map.of("title", "Victims"), "fr", Map.of("title", "Victimes")))));
        Api.as("officer1")
                .body(banner)
                .put("/api/operations/{id}/banner", op)
                .then()
                .statusCode(200);
        ConsoleSession officer = ConsoleSession.signIn("officer1");

        Document page = Jsoup.parse(officer.request()
                .get("/console/operations/{id}/banner", op)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertEquals("de", page.getElementById("banner-translation-language0").val());
        assertEquals("1", page.getElementById("banner-translation-stage0").val());
        assertEquals(
                "Mehr folgt", page.getElementById("banner-translation-body0").val());
        assertEquals("2", page.getElementById("banner-translation-stage1").val());
        assertEquals("", page.getElementById("banner-translation-language2").val(), "an empty row for one more");
        assertTrue(page.select("#banner-form fieldset[disabled]").isEmpty(), "editable");

        // The form sent back as shown keeps every text; a new row adds Spanish to the first stage.
        Map<String, List<String>> fields = formFields(page.getElementById("banner-form"));
        fields.get("translationStage").set(2, "1");
        fields.get("translationLanguage").set(2, "es");
        fields.get("translationTitle").set(2, "Detenciones");
        RequestSpecification save = officer.htmx();
        fields.forEach((name, values) -> save.formParam(name, values.toArray()));
        save.post("/console/operations/{id}/banner", op)
                .then()
                .statusCode(200)
                .body(containsString("Saved the banner."));
        Api.as("viewer1")
                .get("/api/operations/{id}/banner", op)
                .then()
                .body("stages[0].texts.de.title", equalTo("Festnahmen"))
                .body("stages[0].texts.de.body", equalTo("Mehr folgt"))
                .body("stages[0].texts.es.title", equalTo("Detenciones"))
                .body("stages[1].texts.fr.title", equalTo("Victimes"))
                .body("stages[1].texts.en.title", equalTo("Victims"))
                .body("texts.de.headline", equalTo("Beschlagnahmt"));
    }

    @Test
    void stageTextsInOtherLanguagesAreCheckedAtTheirRows() {
        long op = Fixtures.createOperation("officer1");
        ConsoleSession officer = ConsoleSession.signIn("officer1");
        Map<String, String> form = banner("Seized");
        form.put("stageRevealAt", "2030-01-01T09:00");
        form.put("stageTitle", "Arrests");
        String refused = officer.htmx()
                .formParams(form)
                .formParam("translationStage", "3", "1", "1", "1")
                .formParam("translationLanguage", "de", "en", "fr", "fr")
                .formParam("translationTitle", "Festnahmen", "Arrests", "", "Arrestations")
                .formParam("translationBody", "", "", "", "")
                .post("/console/operations/{id}/banner", op)
                .then()
                .statusCode(422)
                .extract()
                .asString();
        Document page = Jsoup.parse(refused);
        assertTrue(
                page.getElementById("banner-translation-stage0-error").text().contains("number of a stage"), refused);
        assertTrue(
                page.getElementById("banner-translation-language1-error").text().contains("default language"), refused);
        assertTrue(
                page.getElementById("banner-translation-title2-error").text().contains("must not be blank"), refused);
        assertTrue(
                page.getElementById("banner-translation-language3-error").text().contains("already has texts in fr"),
                refused);
        assertEquals(
                "Arrestations", page.getElementById("banner-translation-title3").val(), "what was typed is kept");
        Api.as("viewer1").get("/api/operations/{id}/banner", op).then().body("configured", equalTo(false));

        Document unreadable = Jsoup.parse(officer.htmx()
                .formParams(form)
                .formParam("translationStage", "1")
                .formParam("translationLanguage", "not a tag!")
                .formParam("translationTitle", "?")
                .formParam("translationBody", "")
                .formParam("language", "en")
                .formParam("headline", "Again")
                .post("/console/operations/{id}/banner", op)
                .then()
                .statusCode(422)
                .extract()
                .asString());
        assertTrue(
                unreadable
                        .getElementById("banner-translation-language0-error")
                        .text()
                        .contains("language tag"),
                unreadable.html());
        assertTrue(
                unreadable.getElementById("banner-language1-error").text().contains("given twice"),
                "a language given twice");
        form.put("ctaUrl", "http://police.example.org");
        officer.htmx()
                .formParams(form)
                .post("/console/operations/{id}/banner", op)
                .then()
                .statusCode(422)
                .body(containsString("id=\"banner-ctaUrl-error\""));
        form.remove("ctaUrl");
        form.put("stageTitle", "");
        form.put("language", "en");
        officer.htmx()
                .formParams(form)
                .formParam("headline", "Seized")
                .formParam("language", "not a tag!")
                .post("/console/operations/{id}/banner", op)
                .then()
                .statusCode(422)
                .body(containsString("id=\"banner-stage-title0-error\""))
                .body(containsString("id=\"banner-language1-error\""));
    }

    @Test
    void aNoticeIsEditedInTheConsoleKeepingEverythingItHolds() {
        long op = Fixtures.createOperation("officer1");
        Fixtures.addTelegramTarget(op, "officer1");
        long chosen = Fixtures.addTelegramTarget(op, "officer1");
        Map<String, Object> body = new HashMap<>(Map.of(
                "title",
                "Daily warning",
                "defaultLanguage",
                "en",
                "texts",
                Map.of("en", "Illegal.", "de", "Illegal!", "fr", "Illégal.", "es", "Ilegal."),
                "pin",
                true,
                "silent",
                true,
                "overflow",
                "SPLIT",
                "allTargets",
                false,
                "targetIds",
                List.of(chosen)));
        body.put(
                "schedule",
                Map.of(
                        "cron",
                        "0 0 9 ? * MON-FRI",
                        "windowStart",
                        "09:00",
                        "windowEnd",
                        "18:00",
                        "maxLateness",
                        "PT90S"));
        long notice = Api.as("officer1")
                .body(body)
                .post("/api/operations/{id}/notices", op)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        ConsoleSession officer = ConsoleSession.signIn("officer1");
        ConsoleSession.signIn("viewer1")
                .request()
                .get("/console/operations/{id}/notices/{n}/edit", op, notice)
                .then()
                .statusCode(403);

        Document page = Jsoup.parse(officer.request()
                .get("/console/operations/{id}/notices/{n}/edit", op, notice)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        Element form = page.getElementById("notice-form");
        assertEquals("/console/operations/" + op + "/notices/" + notice, form.attr("hx-post"));
        assertEquals(
                "Illégal.",
                page.getElementById("notice-text3").wholeText(),
                "languages after the default in order: de, es, fr");
        assertEquals("", page.getElementById("notice-language4").val(), "an empty row for one more");
        assertEquals("09:00", page.getElementById("notice-schedule.windowStart").val());
        assertEquals(
                List.of(Long.toString(chosen)),
                page.select("#notice-targetId option[selected]").eachAttr("value"));

        Map<String, List<String>> fields = formFields(form);
        fields.put("title", new ArrayList<>(List.of("Daily warning, weekdays")));
        RequestSpecification save = officer.htmx();
        fields.forEach((name, values) -> save.formParam(name, values.toArray()));
        save.post("/console/operations/{id}/notices/{n}", op, notice)
                .then()
                .statusCode(200)
                .body(containsString("Saved Daily warning, weekdays."));
        String saved = "items.find { it.id == " + notice + " }.";
        Api.as("viewer1")
                .get("/api/operations/{id}/notices", op)
                .then()
                .body(saved + "title", equalTo("Daily warning, weekdays"))
                .body(saved + "texts.size()", equalTo(4))
                .body(saved + "texts.fr", equalTo("Illégal."))
                .body(saved + "pin", equalTo(true))
                .body(saved + "silent", equalTo(true))
                .body(saved + "overflow", equalTo("SPLIT"))
                .body(saved + "allTargets", equalTo(false))
                .body(saved + "targetIds", equalTo(List.of((int) chosen)))
                .body(saved + "schedule.cron", equalTo("0 0 9 ? * MON-FRI"))
                .body(saved + "schedule.windowEnd", equalTo("18:00:00"))
                .body(saved + "schedule.maxLateness", equalTo("PT1M30S"));

        // A refused edit stays an edit of that notice, with the problem at its field.
        RequestSpecification refused = officer.htmx();
        fields.put("targetId", new ArrayList<>());
        fields.forEach((name, values) -> refused.formParam(name, values.toArray()));
        String answer = refused.post("/console/operations/{id}/notices/{n}", op, notice)
                .then()
                .statusCode(422)
                .extract()
                .asString();
        Document again = Jsoup.parse(answer);
        assertTrue(again.getElementById("notice-targetIds-error").text().contains("at least one target"), answer);
        assertEquals(
                "/console/operations/" + op + "/notices/" + notice,
                again.getElementById("notice-form").attr("hx-post"));
        Api.as("viewer1").get("/api/operations/{id}/notices", op).then().body(saved + "targetIds", equalTo(List.of((int)
                chosen)));
    }

    @Test
    void aNoticeImageIsSetWhileEditingAndTheTextIsThenMeasuredAsAPhotoCaption() {
        long op = Fixtures.createOperation("officer1");
        long notice = Fixtures.addNotice(op, "officer1");
        String saved = "items.find { it.id == " + notice + " }.imageSha256";
        ConsoleSession officer = ConsoleSession.signIn("officer1");
        officer.htmx()
                .multiPart(
                        "image", "warning.png", "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8), "image/png")
                .post("/console/operations/{id}/notices/{n}/image", op, notice)
                .then()
                .statusCode(422)
                .body(containsString("id=\"notice-image-error\""));
        Api.as("viewer1").get("/api/operations/{id}/notices", op).then().body(saved, equalTo(null));

        byte[] png = Fixtures.image("png", 64, 48);
        String set = officer.htmx()
                .multiPart("image", "warning.png", png, "image/png")
                .post("/console/operations/{id}/notices/{n}/image", op, notice)
                .then()
                .statusCode(200)
                .body(containsString("Set the image."))
                .body(containsString("Edit the notice"))
                .extract()
                .asString();
        String sha = Api.as("viewer1")
                .get("/api/operations/{id}/notices", op)
                .jsonPath()
                .getString(saved);
        assertTrue(
                sha != null && set.contains("/console/operations/" + op + "/notices/" + notice + "/image?v=" + sha),
                set);
        byte[] served = officer.request()
                .get("/console/operations/{id}/notices/{n}/image", op, notice)
                .then()
                .statusCode(200)
                .contentType("image/png")
                .header("Content-Security-Policy", containsString("sandbox"))
                .extract()
                .asByteArray();
        assertArrayEquals(png, served);

        String preview = officer.htmx()
                .formParams(notice("Don't be surprised when more visits follow."))
                .formParam("noticeId", notice)
                .post("/console/operations/{id}/notices/preview", op)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(preview.matches("(?s).*[0-9]+ / 1024 characters \\(photo caption\\).*"), preview);
        officer.htmx()
                .formParams(notice("x".repeat(1500)))
                .post("/console/operations/{id}/notices/{n}", op, notice)
                .then()
                .statusCode(422)
                .body(containsString("id=\"notice-text0-error\""))
                .body(containsString("photo caption"));

        officer.htmx()
                .post("/console/operations/{id}/notices/{n}/image/remove", op, notice)
                .then()
                .statusCode(200)
                .body(containsString("Removed the image."));
        Api.as("viewer1").get("/api/operations/{id}/notices", op).then().body(saved, equalTo(null));
    }

    @Test
    void aNoticeFormShowsEveryProblemAtItsFieldAndReachesOnlyItsOperationsNotices() {
        long op = Fixtures.createOperation("officer1");
        ConsoleSession officer = ConsoleSession.signIn("officer1");
        Map<String, String> typedInCapitals = notice("<b>unclosed");
        typedInCapitals.put("defaultLanguage", "EN");
        typedInCapitals.put("language", "EN");
        officer.htmx()
                .formParams(typedInCapitals)
                .post("/console/operations/{id}/notices", op)
                .then()
                .statusCode(422)
                .body(containsString("id=\"notice-text0-error\""));
        officer.htmx()
                .formParams(notice("Illegal."))
                .formParam("language", "en")
                .formParam("text", "Again.")
                .post("/console/operations/{id}/notices", op)
                .then()
                .statusCode(422)
                .body(containsString("given twice"));
        Map<String, String> latenessAlone = notice("Illegal.");
        latenessAlone.put("schedule.maxLateness", "60");
        officer.htmx()
                .formParams(latenessAlone)
                .post("/console/operations/{id}/notices", op)
                .then()
                .statusCode(422)
                .body(containsString("id=\"notice-schedule.maxLateness-error\""));
        Api.as("viewer1").get("/api/operations/{id}/notices", op).then().body("items", hasSize(0));

        long other = Fixtures.createOperation("officer1");
        long theirs = Fixtures.addNotice(other, "officer1");
        officer.request()
                .get("/console/operations/{id}/notices/{n}/edit", op, theirs)
                .then()
                .statusCode(404);
        officer.htmx()
                .formParams(notice("Hijacked."))
                .post("/console/operations/{id}/notices/{n}", op, theirs)
                .then()
                .statusCode(404);
        officer.request()
                .get("/console/operations/{id}/notices/{n}/image", op, theirs)
                .then()
                .statusCode(404);
        Api.as("viewer1")
                .get("/api/operations/{id}/notices", other)
                .then()
                .body("items[0].texts.en", not(containsString("Hijacked")));
    }

    /** Every field of a form as the browser would send it, in order. */
    static Map<String, List<String>> formFields(Element form) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (Element field : form.select("input[name], textarea[name], select[name]")) {
            List<String> values = fields.computeIfAbsent(field.attr("name"), name -> new ArrayList<>());
            if (field.is("select")) {
                values.addAll(field.select("option[selected]").eachAttr("value"));
            } else if (field.is("textarea")) {
                values.add(field.wholeText());
            } else if (!field.is("[type=checkbox], [type=radio]") || field.hasAttr("checked")) {
                values.add(field.val());
            }
        }
        return fields;
    }
}
