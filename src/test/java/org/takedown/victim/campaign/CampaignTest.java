package org.takedown.victim.campaign;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.takedown.support.Api;
import org.takedown.support.Fixtures;
import org.takedown.victim.list.VictimApi;

/** SMS campaigns: every text and every recipient's rendered text linted at save and at approval, which covers them. */
@QuarkusTest
public class CampaignTest {

    static final String TEXT =
            "Hello {name}. The Met took down a website that pretended to be {bank}. You may have been"
                    + " targeted. Read more at met.police.uk/elaborate - Ref {reference}";

    static final String VICTIMS = "phone,name,bank,language\r\n"
            + "07700 900101,Jane Smith,Barclays,en\r\n"
            + "07700 900102,Zoë Line,HSBC,en\r\n"
            + "07700 900103,,,cy\r\n";

    public static Map<String, Object> body(long listId) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Victims of the spoofing site");
        body.put("listId", listId);
        body.put("reference", "ELABORATE");
        body.put("senderId", "MetPolice");
        body.put("defaultLanguage", "en");
        body.put("texts", Map.of("en", TEXT, "cy", "Helo {name}. Cyf {reference}. met.police.uk/elaborate"));
        body.put("fallbacks", Map.of("name", "there", "bank", "your bank"));
        body.put("start", "2027-01-10T00:00:00");
        body.put("end", "2027-01-12T00:00:00");
        return body;
    }

    static long listWith(long operationId, String csv) {
        long listId = VictimApi.list(operationId, Map.of("name", "Victims"));
        VictimApi.importFile(operationId, listId, csv.getBytes(StandardCharsets.UTF_8));
        return listId;
    }

    static String campaigns(long operationId) {
        return "/api/operations/" + operationId + "/campaigns";
    }

    static long add(long operationId, Map<String, Object> body) {
        return Api.as("officer1")
                .body(body)
                .post(campaigns(operationId))
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    @Test
    void theReportLintsEveryRecipientsOwnTextWithWorstCaseCostAndPlan() {
        long operationId = Fixtures.createOperation("officer1");
        long listId = listWith(operationId, VICTIMS);
        long campaignId = add(operationId, body(listId));

        JsonPath report = Api.as("viewer1")
                .get(campaigns(operationId) + "/" + campaignId + "/report")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of(), report.getList("errors"));
        assertEquals(3, report.getInt("recipients"));
        assertEquals("GSM7", report.getString("texts.en.encoding"));
        assertEquals(1, report.getInt("texts.cy.fragments"));
        // Zoë's name is not GSM-7: her message is UCS-2 and takes three parts where the others take one or two
        assertEquals(1, report.getInt("ucs2Recipients"));
        assertEquals(3, report.getInt("worstFragments"));
        assertEquals(1 + 3 + 1, report.getInt("fragmentsTotal"));
        assertEquals(0.15, report.getDouble("cost"), 1e-9);
        assertEquals("GBP", report.getString("currency"));
        assertEquals(Map.of("bank", 2, "name", 2), report.getMap("recipientsWithValue"));
        assertTrue(report.getBoolean("plan.meetsDeadline"));
        // five parts at ten a second: the SMSC's rate counts parts, not messages
        assertEquals("2027-01-10T00:00:00.500Z", report.getString("plan.finishes"));
        assertEquals(5, report.getInt("plan.parts"));
        assertTrue(report.getList("warnings.message").stream()
                .anyMatch(m -> m.toString().contains("UCS-2")));

        Api.as("viewer1")
                .get(campaigns(operationId) + "/" + campaignId)
                .then()
                .statusCode(200)
                .body("recipients", equalTo(3))
                .body("worstFragments", equalTo(3))
                .body("start", equalTo("2027-01-10T00:00:00"))
                .body("zone", equalTo(Fixtures.ZONE));
    }

    @Test
    void textsWithALinkAPhoneNumberAnotherDomainOrNoReferenceCannotBeSaved() {
        long operationId = Fixtures.createOperation("officer1");
        long listId = listWith(operationId, VICTIMS);
        Map<String, Object> body = body(listId);
        body.put(
                "texts",
                Map.of(
                        "en", "Click https://met.police.uk/x or call 0300 123 2040 {reference}",
                        "cy", "Visit metpolice-refunds.com, ref missing"));
        String errors = Api.as("officer1")
                .body(body)
                .post(campaigns(operationId))
                .then()
                .statusCode(400)
                .extract()
                .asString();
        for (String expected : new String[] {
            "holds a link", "holds a phone number", "metpolice-refunds.com", "must hold the campaign reference"
        }) {
            assertTrue(errors.contains(expected), expected + " in " + errors);
        }
    }

    @Test
    void aProviderMustBeConfiguredAndItsFallbackAnotherOne() {
        long operationId = Fixtures.createOperation("officer1");
        long listId = listWith(operationId, VICTIMS);
        Map<String, Object> body = body(listId);
        body.put("provider", "NOTIFY"); // no Notify API key in this profile, and SMS does not run dry by configuration
        Api.as("officer1")
                .body(body)
                .post(campaigns(operationId))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("provider"))
                .body("errors.message", hasItem(containsString("GOV.UK Notify is not configured")));

        body = body(listId);
        body.put("fallbackProvider", "SMPP");
        Api.as("officer1")
                .body(body)
                .post(campaigns(operationId))
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("fallbackProvider"))
                .body("errors.message", hasItem("must differ from provider"));

        body.put("fallbackProvider", "PIGEON");
        Api.as("officer1").body(body).post(campaigns(operationId)).then().statusCode(400);

        body.remove("fallbackProvider");
        Api.as("officer1")
                .body(body)
                .post(campaigns(operationId))
                .then()
                .statusCode(201)
                .body("provider", equalTo("SMPP"))
                .body("fallbackProvider", nullValue());
    }

    @Test
    void aPlaceholderWithoutAFallbackOrTooManyPartsCannotBeSaved() {
        long operationId = Fixtures.createOperation("officer1");
        long listId = listWith(operationId, VICTIMS);
        Map<String, Object> body = body(listId);
        body.put("fallbacks", Map.of("name", "there"));
        Api.as("officer1")
                .body(body)
                .post(campaigns(operationId))
                .then()
                .statusCode(400)
                .body("errors.message", hasItem(containsString("{bank} needs a fallback")));

        body = body(listId);
        body.put("texts", Map.of("en", "{reference} " + "x".repeat(153 * 3)));
        Api.as("officer1")
                .body(body)
                .post(campaigns(operationId))
                .then()
                .statusCode(400)
                .body("errors.message", hasItem(containsString("takes 4 parts")));
    }

    @Test
    void recipientsWhoseValuesPutADomainOrTooManyPartsInTheirMessageAreNamedByIdOnly() {
        long operationId = Fixtures.createOperation("officer1");
        long listId = listWith(
                operationId,
                "phone,name,bank\r\n07700 900111,Ann,refund-barclays.com\r\n07700 900112," + "Ŵ".repeat(150)
                        + ",HSBC\r\n07700 900113,Bob,Lloyds\r\n");
        String answer = Api.as("officer1")
                .body(body(listId))
                .post(campaigns(operationId))
                .then()
                .statusCode(400)
                .body("errors.message", hasItem(containsString("1 recipients' values would put a link, a domain")))
                .body("errors.message", hasItem(containsString("1 recipients' messages would take more than 3")))
                .extract()
                .asString();
        assertFalse(answer.contains("refund-barclays"), "a recipient's value is personal data: never echoed");
        assertFalse(answer.contains("Ŵ"));
    }

    @Test
    void senderWindowAndListAreChecked() {
        long operationId = Fixtures.createOperation("officer1");
        long listId = listWith(operationId, VICTIMS);
        Map<String, Map<String, Object>> bad = new HashMap<>();
        bad.put("senderId", Map.of("senderId", "INFO"));
        bad.put("end", Map.of("end", "2027-01-09T00:00:00"));
        bad.put("quietUntil", Map.of("quietFrom", "21:00:00"));
        bad.put("reference", Map.of("reference", "a b"));
        bad.put("listId", Map.of("listId", VictimApi.list(Fixtures.createOperation("officer1"), Map.of("name", "x"))));
        bad.forEach((field, change) -> {
            Map<String, Object> body = body(listId);
            body.putAll(change);
            Api.as("officer1")
                    .body(body)
                    .post(campaigns(operationId))
                    .then()
                    .statusCode(400)
                    .body("errors.field", hasItem(containsString(field)));
        });
        Map<String, Object> unknown = body(listId);
        unknown.put("listId", Long.MAX_VALUE);
        Api.as("officer1").body(unknown).post(campaigns(operationId)).then().statusCode(404);
        Api.as("viewer1").body(body(listId)).post(campaigns(operationId)).then().statusCode(403);
    }

    @Test
    void aWindowWithoutOpenTimeIsAPlanThatCannotFinish() {
        long operationId = Fixtures.createOperation("officer1");
        long listId = listWith(operationId, VICTIMS);
        Map<String, Object> body = body(listId);
        body.put("start", "2027-01-10T10:00:00");
        body.put("end", "2027-01-10T11:00:00");
        body.put("quietFrom", "09:00:00");
        body.put("quietUntil", "12:00:00");
        long campaignId = add(operationId, body);
        Api.as("viewer1")
                .get(campaigns(operationId) + "/" + campaignId + "/report")
                .then()
                .statusCode(200)
                .body("plan.meetsDeadline", equalTo(false))
                .body("plan.finishes", equalTo(null))
                .body("warnings.message", hasItem(containsString("the window closes before all 3 recipients")));
    }

    @Test
    void approvalCoversTheCampaignAndAnotherFileReadIntoItsListReopensIt() {
        long operationId = Fixtures.operationIn("DRAFT").operation();
        long listId = listWith(operationId, VICTIMS);
        long campaignId = add(operationId, body(listId));
        String before = Api.as("viewer1")
                .get("/api/operations/{id}/content", operationId)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(before.contains("\"worstFragments\":3"), before);
        assertTrue(before.contains("ELABORATE"));
        Fixtures.move(operationId, "officer2", "submit");
        Fixtures.approve(operationId, "approver1");

        VictimApi.importFile(
                operationId, listId, "phone,name\r\n07700 900104,Dee\r\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("PENDING_APPROVAL", Fixtures.status(operationId));
        String after = Api.as("viewer1")
                .get("/api/operations/{id}/content", operationId)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertNotEquals(before, after);
        assertTrue(after.contains("\"recipients\":4"), after);
        Api.as("viewer1").get(campaigns(operationId) + "/" + campaignId).then().body("recipients", equalTo(4));
    }

    @Test
    void aFileThatBringsABadValueBlocksTheApprovalUntilTheCampaignIsFixed() {
        long operationId = Fixtures.operationIn("DRAFT").operation();
        long listId = listWith(operationId, VICTIMS);
        add(operationId, body(listId));
        VictimApi.importFile(
                operationId,
                listId,
                "phone,name,bank\r\n07700 900105,Eve,www.fake-bank.example\r\n".getBytes(StandardCharsets.UTF_8));
        Fixtures.move(operationId, "officer2", "submit");
        Api.as("approver1")
                .body(Map.of("legalReference", Fixtures.REFERENCE))
                .post("/api/operations/{id}/approve", operationId)
                .then()
                .statusCode(422)
                .body("errors.field", hasItem(containsString("campaigns[")))
                .body("errors.message", hasItem(containsString("recipients' values would put a link")))
                .body(not(containsString("fake-bank")));
    }

    @Test
    void theLiveLintCountsPartsAndOffersGsmFormsWithoutApplyingThem() {
        long operationId = Fixtures.createOperation("officer1");
        JsonPath lint = Api.as("officer1")
                .body(Map.of("text", "It’s the police – ref {reference}…"))
                .post(campaigns(operationId) + "/lint")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals("UCS2", lint.getString("encoding"));
        assertEquals("It's the police - ref {reference}...", lint.getString("suggestion.text"));
        assertEquals(3, lint.getList("suggestion.replacements").size());
        assertEquals(List.of(), lint.getList("problems"));
        Api.as("officer1")
                .body(Map.of("text", "x".repeat(2001)))
                .post(campaigns(operationId) + "/lint")
                .then()
                .statusCode(400);
    }

    @Test
    void aCampaignCanBeChangedAndRemovedAndEachIsAnAuditedEdit() {
        long operationId = Fixtures.createOperation("officer1");
        long listId = listWith(operationId, VICTIMS);
        long campaignId = add(operationId, body(listId));
        Map<String, Object> body = body(listId);
        body.put("senderId", "NCA");
        Api.as("officer1")
                .body(body)
                .put(campaigns(operationId) + "/" + campaignId)
                .then()
                .statusCode(200)
                .body("senderId", equalTo("NCA"));
        Api.as("officer1")
                .delete(campaigns(operationId) + "/" + campaignId)
                .then()
                .statusCode(204);
        Api.as("viewer1").get(campaigns(operationId) + "/" + campaignId).then().statusCode(404);
        Api.as("viewer1")
                .queryParam("entityType", "campaign")
                .queryParam("entityId", campaignId)
                .get("/api/audit")
                .then()
                .statusCode(200)
                .body("items.action", hasItem("CAMPAIGN_ADDED"))
                .body("items.action", hasItem("CAMPAIGN_UPDATED"))
                .body("items.action", hasItem("CAMPAIGN_REMOVED"));
    }
}
