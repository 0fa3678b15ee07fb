package org.takedown.console;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.takedown.support.ConsoleSession;
import org.takedown.support.Fixtures;
import org.takedown.support.XssCorpus;

/**
 * The victim list pages over HTTP as the console's script and htmx use them: a list made, a file imported in parts with
 * its column mapping, the report and the victims masked, one victim revealed and the list exported only with a written
 * justification (audited), and what a viewer may not do.
 */
@QuarkusTest
class VictimListPagesTest {

    /** A mobile, the same one spelt again, a landline (refused), and a spreadsheet formula in a name. */
    static final String FILE = "Mobile Number,Full Name,Bank\r\n"
            + "07700 900201,Jane Smith,Barclays\r\n"
            + "+44 7700 900201,Jane again,Barclays\r\n"
            + "020 7946 0000,A landline,HSBC\r\n"
            + "07700 900202,\"=HYPERLINK(\"\"http://x\"\")\",Lloyds\r\n";

    @Inject
    EntityManager em;

    @Test
    void anOfficerMakesAListImportsAFileInPartsAndSeesItsReportWithEveryVictimMasked() {
        long operationId = Fixtures.createOperation("officer1");
        ConsoleSession officer = ConsoleSession.signIn("officer1");
        long listId = newList(officer, operationId);
        String base = "/console/operations/" + operationId + "/victims/" + listId;

        officer.htmx()
                .get("/console/operations/" + operationId + "/victims")
                .then()
                .statusCode(200)
                .body(containsString("Victims of the spoofing site"));
        importFile(officer, base, FILE.getBytes(StandardCharsets.UTF_8), Map.of("phone", "mobile number"));

        String page =
                officer.request().get(base).then().statusCode(200).extract().asString();
        assertTrue(page.contains("•••201"), page);
        assertTrue(page.contains("•••202"), page);
        for (String clear : new String[] {"900201", "900202", "Jane Smith", "HYPERLINK", "Barclays"}) {
            assertFalse(page.contains(clear), "the page shows " + clear + " in the clear");
        }
        String imports = officer.htmx()
                .get(base + "/imports")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(imports.contains("DONE"), imports);
        assertTrue(imports.contains(">2<"), "two accepted: " + imports);
        assertTrue(imports.contains("refusals.csv"), imports);
        assertFalse(imports.contains("every 1s"), "a finished import stops the refresh: " + imports);
        String importId = imports.replaceAll("(?s).*id=\"import-([0-9]+)\".*", "$1");
        officer.request()
                .get(base + "/imports/" + importId + "/refusals.csv")
                .then()
                .statusCode(200)
                .body(containsString("4,"))
                .body(not(containsString("7946")));
    }

    @Test
    void revealingAVictimNeedsAJustificationAndIsAudited() {
        long operationId = Fixtures.createOperation("officer1");
        ConsoleSession officer = ConsoleSession.signIn("officer1");
        long listId = newList(officer, operationId);
        String base = "/console/operations/" + operationId + "/victims/" + listId;
        importFile(officer, base, FILE.getBytes(StandardCharsets.UTF_8), Map.of());
        String page = officer.request().get(base).then().extract().asString();
        long victimId = Long.parseLong(page.replaceAll("(?s).*?id=\"victim-([0-9]+)\".*", "$1"));

        officer.htmx()
                .formParam("justification", "because")
                .post(base + "/victims/" + victimId + "/reveal")
                .then()
                .statusCode(422)
                .body(containsString("10 to 1000 characters"))
                .body(not(containsString("900201")));
        assertEquals(0, reveals(victimId), "a refused reveal audits nothing");

        officer.htmx()
                .formParam("justification", "the victim called to ask whether the text was ours")
                .post(base + "/victims/" + victimId + "/reveal")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body(containsString("+447700900201"))
                .body(containsString("Jane Smith"))
                .body(containsString("Barclays"));
        assertEquals(1, reveals(victimId));

        ConsoleSession viewer = ConsoleSession.signIn("viewer1");
        String seen =
                viewer.request().get(base).then().statusCode(200).extract().asString();
        assertFalse(seen.contains("/reveal"), "a viewer is offered no reveal");
        assertFalse(seen.contains("victim-export"), "a viewer is offered no export");
        assertFalse(seen.contains("victim-import"), "a viewer is offered no import");
        viewer.htmx()
                .formParam("justification", "the victim called to ask whether the text was ours")
                .post(base + "/victims/" + victimId + "/reveal")
                .then()
                .statusCode(422)
                .body(containsString("needs one of the roles"))
                .body(not(containsString("900201")));
        viewer.htmx()
                .contentType("application/json")
                .body(Map.of("mapping", Map.of()))
                .post(base + "/imports")
                .then()
                .statusCode(403);
        assertEquals(1, reveals(victimId));
    }

    @Test
    void theExportIsTheListInTheClearOnlyWithAJustificationAndOnlyWithTheSessionsToken() {
        long operationId = Fixtures.createOperation("officer1");
        ConsoleSession officer = ConsoleSession.signIn("officer1");
        long listId = newList(officer, operationId);
        String base = "/console/operations/" + operationId + "/victims/" + listId;
        importFile(officer, base, FILE.getBytes(StandardCharsets.UTF_8), Map.of());

        officer.htmx()
                .accept("text/csv")
                .formParam("justification", "")
                .post(base + "/export")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("justification"));
        officer.request()
                .accept("text/csv")
                .formParam("justification", "letters to the victims who could not be texted")
                .post(base + "/export")
                .then()
                .statusCode(403);
        ConsoleSession.signIn("viewer1")
                .htmx()
                .accept("text/csv")
                .formParam("justification", "letters to the victims who could not be texted")
                .post(base + "/export")
                .then()
                .statusCode(403)
                .body(not(containsString("900201")));
        String csv = officer.htmx()
                .accept("text/csv")
                .formParam("justification", "letters to the victims who could not be texted")
                .post(base + "/export")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .extract()
                .asString();
        assertTrue(csv.contains("+447700900201"), csv);
        assertTrue(csv.contains("'=HYPERLINK"), "a formula is inert: " + csv);
        long exports = QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery(
                                "select count(a) from AuditEntry a where a.action = 'victim-list.export'"
                                        + " and a.entityId = :id",
                                Long.class)
                        .setParameter("id", Long.toString(listId))
                        .getSingleResult());
        assertEquals(1, exports, "only the export that went is audited");
    }

    @Test
    void aListNeedsANameAndACountryWithANumberingPlan() {
        long operationId = Fixtures.createOperation("officer1");
        ConsoleSession officer = ConsoleSession.signIn("officer1");
        officer.htmx()
                .formParam("name", "")
                .formParam("region", "ZZ")
                .post("/console/operations/" + operationId + "/victims")
                .then()
                .statusCode(422)
                .body(containsString("list-name-error"));
        officer.htmx()
                .formParam("name", "Victims")
                .formParam("region", "zz")
                .post("/console/operations/" + operationId + "/victims")
                .then()
                .statusCode(422)
                .body(containsString("no phone numbering plan is known for ZZ"));
        officer.request()
                .formParam("name", "Victims")
                .post("/console/operations/" + operationId + "/victims")
                .then()
                .statusCode(403);
    }

    /** Names and personalisation values are the list's, not the force's: shown in the clear, they are still inert text. */
    @Test
    void hostileTextInAListIsInertWhenRevealed() {
        long operationId = Fixtures.createOperation("officer1");
        ConsoleSession officer = ConsoleSession.signIn("officer1");
        long listId = newList(officer, operationId);
        String base = "/console/operations/" + operationId + "/victims/" + listId;
        List<String> payloads = XssCorpus.PAYLOADS.stream()
                .filter(p -> !p.contains("\n") && !p.contains("\r"))
                .limit(20)
                .toList();
        StringBuilder csv = new StringBuilder("phone,name,bank\r\n");
        for (int i = 0; i < payloads.size(); i++) {
            String cell = "\"" + payloads.get(i).replace("\"", "\"\"") + "\"";
            csv.append(String.format("07700 9003%02d,%s,%s\r\n", i, cell, cell));
        }
        importFile(officer, base, csv.toString().getBytes(StandardCharsets.UTF_8), Map.of());
        String page = officer.request().get(base).then().extract().asString();
        Matcher ids = Pattern.compile("id=\"victim-([0-9]+)\"").matcher(page);
        int revealed = 0;
        while (ids.find()) {
            String answer = officer.htmx()
                    .formParam("justification", "checking how hostile text in a list is shown")
                    .post(base + "/victims/" + ids.group(1) + "/reveal")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            String payload = payloads.stream()
                    .filter(p -> Jsoup.parse(answer).text().contains(p.strip()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no payload shown as text in " + answer));
            ConsoleXssTest.assertInert(answer, payload);
            revealed++;
        }
        assertEquals(payloads.size(), revealed, "every victim of the file revealed");
    }

    private long reveals(long victimId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery(
                                "select count(a) from AuditEntry a where a.action = 'victim.reveal' and a.entityId = :id",
                                Long.class)
                        .setParameter("id", Long.toString(victimId))
                        .getSingleResult());
    }

    static long newList(ConsoleSession officer, long operationId) {
        String location = officer.htmx()
                .formParam("name", "Victims of the spoofing site")
                .formParam("region", "gb")
                .formParam("otherRegions", "ie, fr")
                .post("/console/operations/" + operationId + "/victims")
                .then()
                .statusCode(200)
                .extract()
                .header("HX-Redirect");
        assertTrue(location.matches("/console/operations/" + operationId + "/victims/[0-9]+"), location);
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /** As the page's script does: start with the mapping, the file in two parts cut mid-row, complete, wait for DONE. */
    static void importFile(ConsoleSession officer, String base, byte[] file, Map<String, String> mapping) {
        long importId = officer.htmx()
                .contentType("application/json")
                .body(Map.of("mapping", mapping))
                .post(base + "/imports")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        int cut = file.length / 2;
        officer.htmx()
                .contentType("application/octet-stream")
                .body(Arrays.copyOfRange(file, 0, cut))
                .put(base + "/imports/" + importId + "/parts/1")
                .then()
                .statusCode(200);
        officer.htmx()
                .contentType("application/octet-stream")
                .body(Arrays.copyOfRange(file, cut, file.length))
                .put(base + "/imports/" + importId + "/parts/2")
                .then()
                .statusCode(200);
        officer.htmx()
                .contentType("application/json")
                .body(Map.of("parts", 2))
                .post(base + "/imports/" + importId + "/complete")
                .then()
                .statusCode(200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> officer.htmx()
                        .get(base + "/imports")
                        .then()
                        .extract()
                        .asString()
                        .contains("DONE"));
    }
}
