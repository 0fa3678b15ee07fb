package org.takedown.victim.list;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.takedown.victim.list.VictimApi.importFile;
import static org.takedown.victim.list.VictimApi.imports;
import static org.takedown.victim.list.VictimApi.list;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.takedown.audit.AuditEntry;
import org.takedown.support.Api;
import org.takedown.support.Fixtures;
import org.takedown.support.MutableClock;

/** Revealing a victim, exporting a list, and the purge at the end of the retention period. */
@QuarkusTest
public class VictimDisclosureTest {

    private static final Map<String, String> WHY =
            Map.of("justification", "Victim called 101 and asked whether the text was ours");

    @Inject
    EntityManager em;

    @Inject
    MutableClock clock;

    @Inject
    VictimListService lists;

    private static String victims(long operationId, long listId) {
        return "/api/operations/" + operationId + "/victim-lists/" + listId + "/victims";
    }

    private AuditEntry lastAudit(String action, long entityId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery(
                                "from AuditEntry a where a.action = :action and a.entityId = :id order by a.seq desc",
                                AuditEntry.class)
                        .setParameter("action", action)
                        .setParameter("id", Long.toString(entityId))
                        .setMaxResults(1)
                        .getSingleResult());
    }

    @Test
    void anOfficerSeesAVictimInTheClearOnlyWithAReasonAndTheAuditKeepsIt() {
        long operationId = Fixtures.createOperation("officer1");
        long listId = list(operationId, Map.of("name", "reveal"));
        importFile(operationId, listId, VictimFixtures.MESSY.getBytes(StandardCharsets.UTF_8));
        long victimId = Api.as("viewer1")
                .get(victims(operationId, listId))
                .then()
                .extract()
                .jsonPath()
                .getLong("items[0].id");
        String reveal = victims(operationId, listId) + "/" + victimId + "/reveal";

        Api.as("officer1")
                .body(WHY)
                .post(reveal)
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("phone", equalTo("+447700900001"))
                .body("email", equalTo("jane@example.org"))
                .body("name", equalTo("Smith, Jane"))
                .body("fields.bankimpersonated", equalTo("Barclays"));
        AuditEntry audit = lastAudit("victim.reveal", victimId);
        assertEquals("officer1", audit.actor);
        assertEquals(operationId, audit.operationId);
        assertTrue(audit.summary.contains("asked whether the text was ours"), audit.summary);
        for (String secret : VictimFixtures.NEVER_IN_CLEAR) {
            assertFalse(audit.summary.contains(secret), audit.summary);
        }

        // a role the configuration does not name, no reason, a victim of another list
        Api.as("viewer1").body(WHY).post(reveal).then().statusCode(403);
        Api.as("approver1").body(WHY).post(reveal).then().statusCode(403);
        Api.as("officer1")
                .body(Map.of("justification", "because"))
                .post(reveal)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("justification"));
        Api.as("officer1").body(Map.of()).post(reveal).then().statusCode(400);
        long otherList = list(operationId, Map.of("name", "another"));
        Api.as("officer1")
                .body(WHY)
                .post(victims(operationId, otherList) + "/" + victimId + "/reveal")
                .then()
                .statusCode(404);
        long reveals = QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery(
                                "select count(a) from AuditEntry a where a.action = 'victim.reveal' and a.entityId = :id",
                                Long.class)
                        .setParameter("id", Long.toString(victimId))
                        .getSingleResult());
        assertEquals(1, reveals, "a refused reveal shows nothing and audits nothing");
    }

    @Test
    void anExportIsTheWholeListInTheClearPageByPageAndInertInASpreadsheet() {
        long operationId = Fixtures.createOperation("officer1");
        long listId = list(operationId, Map.of("name", "export"));
        StringBuilder csv = new StringBuilder("phone,name,bank\n07700 900201,=SUM(A1),\"Bank, plc\"\n");
        for (int i = 0; i < 2500; i++) {
            csv.append(String.format("07400 1%05d,Victim %d,%n", i, i));
        }
        JsonPath report = importFile(operationId, listId, csv.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(2501, report.getLong("accepted"), report.prettify());

        String export = Api.as("officer1")
                .accept("text/csv")
                .body(WHY)
                .post("/api/operations/{id}/victim-lists/{listId}/export", operationId, listId)
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .extract()
                .asString();
        List<String> lines = export.lines().toList();
        assertEquals("id,phone,email,name,language,fields", lines.get(0));
        assertEquals(2502, lines.size());
        assertTrue(
                lines.get(1).endsWith(",\"'+447700900201\",,\"'=SUM(A1)\",,\"{\"\"bank\"\":\"\"Bank, plc\"\"}\""),
                lines.get(1));
        Set<String> phones = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            phones.add(line.split(",")[1]);
        }
        assertEquals(2501, phones.size(), "every victim once, across pages of " + VictimDisclosure.EXPORT_PAGE);
        // a leading + would start a formula (or become 4.47E+11): the number is kept as text
        assertTrue(phones.contains("\"'+447400102499\""), phones.iterator().next());
        AuditEntry audit = lastAudit("victim-list.export", listId);
        assertTrue(audit.summary.contains("\"victims\":2501"), audit.summary);
        assertTrue(audit.summary.contains("asked whether the text was ours"), audit.summary);

        Api.as("approver1")
                .accept("text/csv")
                .body(WHY)
                .post("/api/operations/{id}/victim-lists/{listId}/export", operationId, listId)
                .then()
                .statusCode(403);
    }

    @Test
    void victimsArePurgedTheRetentionPeriodAfterTheirOperationIsOver() {
        long operationId = Fixtures.createOperation("officer1");
        long listId = list(operationId, Map.of("name", "retention"));
        importFile(operationId, listId, "phone\n07700 900301\n07700 900302\n".getBytes(StandardCharsets.UTF_8));
        // an upload still open when the operation ends
        long open = Api.as("officer1")
                .body(Map.of())
                .post(imports(operationId, listId))
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        Api.as("officer1")
                .contentType("text/csv")
                .body("phone\n07700 900303\n".getBytes(StandardCharsets.UTF_8))
                .put(imports(operationId, listId) + "/" + open + "/parts/1")
                .then()
                .statusCode(200);
        Instant cancelled = Instant.now();
        Fixtures.move(operationId, "officer1", "cancel");
        // an operation that is over takes no more files
        Api.as("officer1")
                .body(Map.of("parts", 1))
                .post(imports(operationId, listId) + "/" + open + "/complete")
                .then()
                .statusCode(409);
        Api.as("officer1")
                .body(Map.of("name", "too late"))
                .post("/api/operations/{id}/victim-lists", operationId)
                .then()
                .statusCode(409);
        try {
            clock.set(cancelled.plus(Duration.ofDays(29)));
            lists.purgeExpired();
            Api.as("viewer1").get(victims(operationId, listId)).then().body("total", equalTo(2));

            clock.set(cancelled.plus(Duration.ofDays(30)).plusSeconds(60));
            assertTrue(lists.purgeExpired() >= 1);
        } finally {
            clock.reset();
        }
        Api.as("viewer1").get(victims(operationId, listId)).then().body("total", equalTo(0));
        Api.as("viewer1")
                .get("/api/operations/{id}/victim-lists/{listId}", operationId, listId)
                .then()
                .body("victims", equalTo(0))
                .body("purgedAt", notNullValue());
        AuditEntry audit = lastAudit("victim-list.purge", listId);
        assertEquals("system:retention", audit.actor);
        assertTrue(audit.summary.contains("\"victims\":2"), audit.summary);
        assertTrue(audit.summary.contains("\"retentionDays\":30"), audit.summary);
        long left = QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery("select count(v) from Victim v where v.listId = :l", Long.class)
                        .setParameter("l", listId)
                        .getSingleResult());
        assertEquals(0, left);
        // the import's report stays; the list takes no more files and cannot be exported
        Api.as("viewer1").get(imports(operationId, listId)).then().body("[0].accepted", equalTo(2));
        Api.as("officer1")
                .body(Map.of())
                .post(imports(operationId, listId))
                .then()
                .statusCode(409);
        Api.as("viewer1")
                .get(imports(operationId, listId) + "/" + open)
                .then()
                .body("status", equalTo("FAILED"))
                .body("failure", equalTo("the list was purged at the end of its retention period"));
        long parts = QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery("select count(p) from VictimImportPart p where p.importId = :id", Long.class)
                        .setParameter("id", open)
                        .getSingleResult());
        assertEquals(0, parts, "the purge took the open upload's sealed file too");
        Api.as("officer1")
                .accept("text/csv")
                .body(WHY)
                .post("/api/operations/{id}/victim-lists/{listId}/export", operationId, listId)
                .then()
                .statusCode(409);
        // purging again finds nothing more to do
        clock.set(cancelled.plus(Duration.ofDays(31)));
        try {
            lists.purgeExpired();
        } finally {
            clock.reset();
        }
        assertNotNull(lastAudit("victim-list.purge", listId));
        long purges = QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery(
                                "select count(a) from AuditEntry a where a.action = 'victim-list.purge' and a.entityId = :id",
                                Long.class)
                        .setParameter("id", Long.toString(listId))
                        .getSingleResult());
        assertEquals(1, purges);
    }
}
