package org.takedown.console;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.takedown.support.ConsoleSession;
import org.takedown.support.Fixtures;

/**
 * The SMS campaign pages over HTTP as htmx uses them: the editor refusing what the API refuses with each problem by its
 * field, the live check of a text as it is typed, a campaign saved and edited, its report, and its run started, paused
 * and resumed from its page.
 */
@QuarkusTest
class CampaignPagesTest {

    static final String TEXT = "Hello {name}. The Met took down a website that pretended to be {bank}. You may have"
            + " been targeted. Read more at met.police.uk/elaborate - Ref {reference}";

    static final String VICTIMS = "phone,name,bank\r\n07700 900401,Jane Smith,Barclays\r\n07700 900402,,\r\n";

    @Test
    void theLiveCheckCountsPartsAndFindsLinksAsTheOfficerTypes() {
        long operationId = Fixtures.createOperation("officer1");
        ConsoleSession officer = ConsoleSession.signIn("officer1");
        String check = "/console/operations/" + operationId + "/campaigns/check";

        String plain = filled(officer.htmx(), 0L, "Hello {name}. Ref {reference}")
                .formParam("row", "0")
                .post(check)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(plain.contains("GSM7") && plain.contains("1 part"), plain);
        assertTrue(plain.contains("Hello there. Ref ELABORATE"), "rendered with the fallback and reference: " + plain);
        assertFalse(
                plain.contains("role=\"alert\""), "a text with its reference and fallbacks has no finding: " + plain);

        filled(officer.htmx(), 0L, "Visit https://bit.ly/x now {reference}")
                .formParam("row", "0")
                .post(check)
                .then()
                .statusCode(200)
                .body(containsString("role=\"alert\""))
                .body(containsString("link"));
        filled(officer.htmx(), 0L, "€".repeat(81) + " {reference}")
                .formParam("row", "0")
                .post(check)
                .then()
                .statusCode(200)
                .body(containsString("GSM7"))
                .body(containsString("2 parts"));
        filled(officer.htmx(), 0L, "Ref {reference} “quoted” — ünïcode ✓")
                .formParam("row", "0")
                .post(check)
                .then()
                .statusCode(200)
                .body(containsString("UCS2"))
                .body(containsString("In GSM-7 instead"));
        filled(officer.htmx(), 0L, "Ref {reference}")
                .formParam("row", "nope")
                .post(check)
                .then()
                .statusCode(200);
    }

    @Test
    void aCampaignIsRefusedByFieldThenSavedEditedReportedAndRunFromItsPage() {
        long operationId = Fixtures.createOperation("officer2");
        ConsoleSession officer = ConsoleSession.signIn("officer2");
        long listId = VictimListPagesTest.newList(officer, operationId);
        VictimListPagesTest.importFile(
                officer,
                "/console/operations/" + operationId + "/victims/" + listId,
                VICTIMS.getBytes(StandardCharsets.UTF_8),
                Map.of());
        String campaigns = "/console/operations/" + operationId + "/campaigns";

        officer.request()
                .get(campaigns + "/new")
                .then()
                .statusCode(200)
                .body(containsString("Victims of the spoofing site (2 victims)"));
        filled(officer.htmx(), listId, "Visit www.example.com {reference}")
                .post(campaigns + "/new")
                .then()
                .statusCode(422)
                .body(containsString("campaign-text0-error"))
                .body(containsString("Visit www.example.com {reference}"));
        String location = filled(officer.htmx(), listId, TEXT)
                .post(campaigns + "/new")
                .then()
                .statusCode(200)
                .extract()
                .header("HX-Redirect");
        assertTrue(location.matches(campaigns + "/[0-9]+"), location);

        officer.request()
                .get(location)
                .then()
                .statusCode(200)
                .body(containsString("ELABORATE"))
                .body(containsString("met.police.uk/elaborate"))
                .body(containsString("Not started"));
        officer.htmx()
                .get(location + "/report")
                .then()
                .statusCode(200)
                .body(containsString("Recipients</dt><dd>2"))
                .body(containsString("before the deadline"));
        officer.request()
                .get(location + "/edit")
                .then()
                .statusCode(200)
                .body(containsString("value=\"ELABORATE\""))
                .body(containsString("Read more at met.police.uk/elaborate"));
        filled(officer.htmx(), listId, TEXT, "Victims, second wave")
                .post(location + "/edit")
                .then()
                .statusCode(200)
                .header("HX-Redirect", location);
        officer.request().get(campaigns).then().statusCode(200).body(containsString("Victims, second wave"));

        officer.htmx().post(location + "/run/start").then().statusCode(422).body(containsString("role=\"alert\""));
        Fixtures.move(operationId, "officer2", "submit");
        Fixtures.approve(operationId, "approver1");
        Fixtures.move(operationId, "officer2", "activate");
        officer.htmx()
                .post(location + "/run/start")
                .then()
                .statusCode(200)
                .body(containsString("Started"))
                .body(containsString("Pause sending"));
        officer.htmx()
                .post(location + "/run/pause")
                .then()
                .statusCode(200)
                .body(containsString("paused by officer2"))
                .body(containsString("Resume sending"));
        officer.htmx().post(location + "/run/resume").then().statusCode(200).body(not(containsString("paused by")));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !officer.htmx()
                        .get(location + "/run")
                        .then()
                        .extract()
                        .asString()
                        .contains("every 2s"));

        ConsoleSession viewer = ConsoleSession.signIn("viewer1");
        viewer.request().get(location).then().statusCode(200).body(not(containsString("Edit the campaign")));
        viewer.htmx().post(location + "/run/pause").then().statusCode(403);
        viewer.request().get(campaigns + "/new").then().statusCode(403);
    }

    /** The editor's fields as a browser sends them, with this text in the first language row. */
    static RequestSpecification filled(RequestSpecification request, long listId, String text) {
        return filled(request, listId, text, "Victims of the spoofing site");
    }

    static RequestSpecification filled(RequestSpecification request, long listId, String text, String name) {
        return request.formParam("name", name)
                .formParam("listId", Long.toString(listId))
                .formParam("reference", "ELABORATE")
                .formParam("senderId", "MetPolice")
                .formParam("provider", "SMPP")
                .formParam("fallbackProvider", "NONE")
                .formParam("defaultLanguage", "en")
                .formParam("language", "en")
                .formParam("text", text)
                .formParam("language", "")
                .formParam("text", "")
                .formParam("placeholder", "name")
                .formParam("fallback", "there")
                .formParam("placeholder", "bank")
                .formParam("fallback", "your bank")
                .formParam("start", Fixtures.localIn(-60).substring(0, 16))
                .formParam("end", Fixtures.localIn(86_400).substring(0, 16))
                .formParam("quietFrom", "")
                .formParam("quietUntil", "")
                .formParam("maxFragments", "3");
    }
}
