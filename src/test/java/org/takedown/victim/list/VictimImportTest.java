package org.takedown.victim.list;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.takedown.victim.list.VictimApi.complete;
import static org.takedown.victim.list.VictimApi.finished;
import static org.takedown.victim.list.VictimApi.importFile;
import static org.takedown.victim.list.VictimApi.imports;
import static org.takedown.victim.list.VictimApi.list;
import static org.takedown.victim.list.VictimApi.newImport;
import static org.takedown.victim.list.VictimApi.put;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.takedown.audit.AuditEntry;
import org.takedown.common.DeterministicJson;
import org.takedown.support.Api;
import org.takedown.support.Fixtures;
import org.takedown.victim.protect.PersonalDataCipher;

/** Victim lists through the API: a messy file in parts, its report, what is stored, and files that cannot be read. */
@QuarkusTest
public class VictimImportTest {

    @Inject
    EntityManager em;

    @Inject
    PersonalDataCipher cipher;

    @Test
    void aMessyFileInPartsGivesOneVictimPerNumberAndAReportOfEveryRow() {
        long operationId = Fixtures.createOperation("officer1");
        long listId = list(operationId, Map.of("name", "iSpoof victims, batch 1"));
        byte[] file = VictimFixtures.MESSY.getBytes(StandardCharsets.UTF_8);
        int insideZ = VictimFixtures.MESSY
                        .substring(0, VictimFixtures.MESSY.indexOf('ë'))
                        .getBytes(StandardCharsets.UTF_8)
                        .length
                + 1; // between the two bytes of ë
        JsonPath report = importFile(operationId, listId, file, 7, insideZ);

        assertEquals("DONE", report.getString("status"), report.prettify());
        assertEquals(20, report.getLong("rows"));
        assertEquals(5, report.getLong("accepted"));
        assertEquals(4, report.getLong("duplicates"));
        assertEquals(11, report.getLong("refused"));
        assertEquals(DeterministicJson.sha256Hex(file), report.getString("sha256"));
        assertEquals(file.length, report.getLong("bytes"));
        Map<String, Integer> refused = report.getMap("refusedByReason");
        assertEquals(
                Map.ofEntries(
                        Map.entry("fixed-line", 1),
                        Map.entry("toll-free", 1),
                        Map.entry("premium-rate", 1),
                        Map.entry("uan", 1),
                        Map.entry("voip", 1),
                        Map.entry("pager", 1),
                        Map.entry("personal-number", 1),
                        Map.entry("other-country", 1),
                        Map.entry("unparseable", 1),
                        Map.entry("invalid", 1),
                        Map.entry("missing", 1)),
                refused);
        assertEquals(
                Map.of(
                        "crown-dependency", 1,
                        "drama-range", 3,
                        "email-ignored", 1,
                        "email-only", 1,
                        "language-ignored", 1),
                report.getMap("flagged"));

        String refusals = Api.as("viewer1")
                .accept("text/csv")
                .get(imports(operationId, listId) + "/" + report.getLong("id") + "/refusals.csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<String> lines = refusals.lines().toList();
        assertEquals("row,reason,description", lines.get(0));
        assertEquals(12, lines.size(), refusals);
        assertTrue(lines.get(1).startsWith("8,\"fixed-line\",\"a landline"), lines.get(1));
        assertTrue(lines.get(11).startsWith("18,\"missing\""), lines.get(11));
        for (String secret : VictimFixtures.NEVER_IN_CLEAR) {
            assertFalse(refusals.contains(secret), secret);
        }

        String victims = Api.as("viewer1")
                .get("/api/operations/{id}/victim-lists/{listId}/victims", operationId, listId)
                .then()
                .statusCode(200)
                .body("total", equalTo(5))
                .body("items[0].phone", equalTo("+44 7••• •••001"))
                .body("items[0].email", equalTo("j•••@e•••.org"))
                .body("items[0].language", equalTo("en"))
                .body("items[2].phone", equalTo(null))
                .body("items[2].phoneRefusal", equalTo("fixed-line"))
                .body("items[2].email", equalTo("l•••@e•••.org"))
                .body("items[3].phoneFlags", equalTo(List.of("CROWN_DEPENDENCY")))
                .extract()
                .asString();
        for (String secret : VictimFixtures.NEVER_IN_CLEAR) {
            assertFalse(victims.contains(secret), secret);
        }
        Api.as("viewer1")
                .get("/api/operations/{id}/victim-lists/{listId}", operationId, listId)
                .then()
                .statusCode(200)
                .body("victims", equalTo(5))
                .body("region", equalTo("GB"));

        // stored sealed: the first victim opens to what the file said, the quoted newline and the formula kept as data
        List<Victim> stored = QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery("from Victim v where v.listId = :l order by v.id", Victim.class)
                        .setParameter("l", listId)
                        .getResultList());
        assertEquals("+447700900001", cipher.openText("victim.phone", stored.get(0).phone));
        assertEquals("jane@example.org", cipher.openText("victim.email", stored.get(0).email));
        assertEquals("Smith, Jane", cipher.openText("victim.name", stored.get(0).name));
        assertEquals("{\"bankimpersonated\":\"Barclays\"}", cipher.openText("victim.fields", stored.get(0).fields));
        assertEquals("Zoë Line one\r\nline two", cipher.openText("victim.name", stored.get(1).name));
        assertEquals(
                "{\"bankimpersonated\":\"=HYPERLINK(\\\"x\\\")\"}",
                cipher.openText("victim.fields", stored.get(1).fields));
        assertEquals("cy", stored.get(1).language);

        // the audit chain holds the file's hash, counts and who imported it
        AuditEntry audit = QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery(
                                "from AuditEntry a where a.action = 'victim-list.import' and a.entityId = :id",
                                AuditEntry.class)
                        .setParameter("id", Long.toString(report.getLong("id")))
                        .getSingleResult());
        assertEquals("officer1", audit.actor);
        assertEquals(operationId, audit.operationId);
        assertTrue(audit.summary.contains("\"sha256\":\"" + DeterministicJson.sha256Hex(file) + "\""), audit.summary);
        assertTrue(audit.summary.contains("\"accepted\":5"), audit.summary);
        assertTrue(audit.summary.contains("\"duplicates\":4"), audit.summary);

        // a second file into the same list: a number already there in another spelling is a duplicate
        JsonPath second = importFile(
                operationId, listId, "phone\n+447700900002\n07700 900004\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(1, second.getLong("accepted"), second.prettify());
        assertEquals(1, second.getLong("duplicates"));
        Api.as("viewer1")
                .get("/api/operations/{id}/victim-lists/{listId}", operationId, listId)
                .then()
                .body("victims", equalTo(6));

        // completing again changes nothing and audits nothing more
        complete(operationId, listId, report.getLong("id"), 3, null)
                .then()
                .statusCode(200)
                .body("accepted", equalTo(5));
        long audits = QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery(
                                "select count(a) from AuditEntry a where a.action = 'victim-list.import' and a.entityId = :id",
                                Long.class)
                        .setParameter("id", Long.toString(report.getLong("id")))
                        .getSingleResult());
        assertEquals(1, audits);
    }

    @Test
    void theDatabaseNeverHoldsAClearNumberAddressOrName() {
        long operationId = Fixtures.createOperation("officer1");
        long listId = list(operationId, Map.of("name", "clear-text search"));
        byte[] file = VictimFixtures.MESSY.getBytes(StandardCharsets.UTF_8);
        long importId = newImport(operationId, listId, Map.of());
        put(operationId, listId, importId, 1, file);
        // the uploaded part, before it is read
        assertNoClearPersonalData();
        complete(operationId, listId, importId, 1, null).then().statusCode(202);
        assertEquals("DONE", finished(operationId, listId, importId).getString("status"));
        assertNoClearPersonalData();
    }

    /** Every column of every row of the victim tables and the audit log, as text and as bytes. */
    private void assertNoClearPersonalData() {
        for (String table : List.of(
                "victim",
                "victim_list",
                "victim_import",
                "victim_import_part",
                "victim_import_refusal",
                "audit_entry")) {
            List<?> rows = QuarkusTransaction.requiringNew()
                    .call(() -> em.createNativeQuery("select * from " + table).getResultList());
            for (Object row : rows) {
                Object[] columns = row instanceof Object[] values ? values : new Object[] {row};
                for (Object column : columns) {
                    String text = column instanceof byte[] bytes
                            ? new String(bytes, StandardCharsets.UTF_8)
                            : String.valueOf(column);
                    for (String secret : VictimFixtures.NEVER_IN_CLEAR) {
                        assertFalse(text.contains(secret), secret + " in clear in " + table + ": " + text);
                    }
                }
            }
        }
    }

    @Test
    void aFileThatBreaksHalfwayLeavesNothingBehindAndSaysWhere() {
        long operationId = Fixtures.createOperation("officer1");
        long listId = list(operationId, Map.of("name", "broken"));
        StringBuilder csv = new StringBuilder("phone,bank\n");
        // more rows than a batch, so that a committed batch has to be taken back
        for (int i = 0; i < VictimImportService.BATCH + 200; i++) {
            csv.append(String.format("07400 1%05d,Bank %d%n", i, i));
        }
        csv.append("07700 900999,\"never closed\n");
        JsonPath report = importFile(operationId, listId, csv.toString().getBytes(StandardCharsets.UTF_8), 4000);
        assertEquals("FAILED", report.getString("status"), report.prettify());
        String row = "row " + (VictimImportService.BATCH + 202);
        assertTrue(
                report.getString("failure").contains("not valid CSV at or after " + row), report.getString("failure"));
        assertEquals(VictimImportService.BATCH, report.getLong("rows"), "a batch was committed before the break");
        assertEquals(0, report.getLong("accepted"), "and taken back with it");
        assertFalse(report.getString("failure").contains("never closed"));
        Api.as("viewer1")
                .get("/api/operations/{id}/victim-lists/{listId}/victims", operationId, listId)
                .then()
                .body("total", equalTo(0));
        Api.as("viewer1")
                .get("/api/operations/{id}/victim-lists/{listId}", operationId, listId)
                .then()
                .body("victims", equalTo(0));
        long parts = QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery("select count(p) from VictimImportPart p where p.importId = :id", Long.class)
                        .setParameter("id", report.getLong("id"))
                        .getSingleResult());
        assertEquals(0, parts, "a failed import keeps no copy of the file");
        AuditEntry audit = QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery(
                                "from AuditEntry a where a.action = 'victim-list.import-failed' and a.entityId = :id",
                                AuditEntry.class)
                        .setParameter("id", Long.toString(report.getLong("id")))
                        .getSingleResult());
        assertTrue(audit.summary.contains(row), audit.summary);
    }

    @Test
    void aFileThatIsNotUtf8FailsWithoutGuessing() {
        long operationId = Fixtures.createOperation("officer1");
        long listId = list(operationId, Map.of("name", "latin-1"));
        // found in the header's first read: refused at once
        long early = newImport(operationId, listId, Map.of());
        put(operationId, listId, early, 1, "phone,name\n07700 900010,Zoë\n".getBytes(StandardCharsets.ISO_8859_1));
        complete(operationId, listId, early, 1, null)
                .then()
                .statusCode(422)
                .body("errors[0].message", containsString("not UTF-8"));
        // found far into the file: the import fails, and what it had read is removed
        StringBuilder csv = new StringBuilder("phone,name\n");
        for (int i = 0; i < VictimImportService.BATCH + 200; i++) {
            csv.append(String.format("07400 1%05d,Victim number %d%n", i, i));
        }
        csv.append("07700 900999,Zoë\n");
        JsonPath report = importFile(operationId, listId, csv.toString().getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("FAILED", report.getString("status"));
        assertTrue(report.getString("failure").contains("not UTF-8"), report.getString("failure"));
        Api.as("viewer1")
                .get("/api/operations/{id}/victim-lists/{listId}", operationId, listId)
                .then()
                .body("victims", equalTo(0));
    }

    @Test
    void aFileTheImportCannotUseIsRefusedBeforeARowIsRead() {
        long operationId = Fixtures.createOperation("officer1");
        long listId = list(operationId, Map.of("name", "refusals"));
        String base = imports(operationId, listId);

        // no phone or email column: 422 at completion, the import failed and audited
        long noContact = newImport(operationId, listId, Map.of());
        put(operationId, listId, noContact, 1, "name,bank\nJane,Barclays\n".getBytes(StandardCharsets.UTF_8));
        complete(operationId, listId, noContact, 1, null)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("file"))
                .body("errors[0].message", containsString("no phone or email column"));
        Api.as("viewer1").get(base + "/" + noContact).then().body("status", equalTo("FAILED"));
        complete(operationId, listId, noContact, 1, null).then().statusCode(409);

        // a header without a header: the data of its first row is not repeated back
        long headerless = newImport(operationId, listId, Map.of());
        put(operationId, listId, headerless, 1, "07700 900011,Jane\n".getBytes(StandardCharsets.UTF_8));
        String refusal = complete(operationId, listId, headerless, 1, null)
                .then()
                .statusCode(422)
                .extract()
                .asString();
        assertFalse(refusal.contains("900011"), refusal);

        // a named column that is not there
        long named = newImport(operationId, listId, Map.of("mapping", Map.of("phone", "Mobile")));
        put(operationId, listId, named, 1, "phone\n07700 900012\n".getBytes(StandardCharsets.UTF_8));
        complete(operationId, listId, named, 1, null)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("mapping.phone"));

        // a missing part, then a changed part (the SHA-256 the uploader computed does not match)
        long partial = newImport(operationId, listId, Map.of());
        put(operationId, listId, partial, 1, "phone\n".getBytes(StandardCharsets.UTF_8));
        put(operationId, listId, partial, 3, "07700 900014\n".getBytes(StandardCharsets.UTF_8));
        complete(operationId, listId, partial, 3, null)
                .then()
                .statusCode(422)
                .body("errors[0].message", containsString("parts not uploaded: [2]"));
        put(operationId, listId, partial, 2, "07700 900013\n".getBytes(StandardCharsets.UTF_8));
        String wrongHash = HexFormat.of().formatHex(new byte[32]);
        complete(operationId, listId, partial, 3, wrongHash)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("sha256"));

        // parts are not taken once the file is complete, nor empty, nor numbered 0
        long done = newImport(operationId, listId, Map.of());
        put(operationId, listId, done, 1, "phone\n07700 900015\n".getBytes(StandardCharsets.UTF_8));
        Api.as("officer1")
                .contentType("text/csv")
                .body(new byte[0])
                .put(base + "/" + done + "/parts/2")
                .then()
                .statusCode(422);
        Api.as("officer1")
                .contentType("text/csv")
                .body("x".getBytes(StandardCharsets.UTF_8))
                .put(base + "/" + done + "/parts/0")
                .then()
                .statusCode(422);
        complete(operationId, listId, done, 1, null).then().statusCode(202);
        finished(operationId, listId, done);
        Api.as("officer1")
                .contentType("text/csv")
                .body("x".getBytes(StandardCharsets.UTF_8))
                .put(base + "/" + done + "/parts/2")
                .then()
                .statusCode(409);
        // a part over the request limit
        Api.as("officer1")
                .contentType("text/csv")
                .body(new byte[1_100_000])
                .put(base + "/" + newImport(operationId, listId, Map.of()) + "/parts/1")
                .then()
                .statusCode(413);
    }

    @Test
    void anImportStoppedWhileReadingGoesOnFromItsLastCommittedRow() {
        long operationId = Fixtures.createOperation("officer1");
        long listId = list(operationId, Map.of("name", "resumed"));
        long importId = newImport(operationId, listId, Map.of());
        put(
                operationId,
                listId,
                importId,
                1,
                "phone\n07700 900101\n07700 900102\n07700 900103\n".getBytes(StandardCharsets.UTF_8));
        // as a replica leaves it when it stops after committing the batch of the first two rows
        QuarkusTransaction.requiringNew().run(() -> {
            VictimImport in = em.find(VictimImport.class, importId);
            in.status = ImportStatus.READING;
            in.rowsRead = 2;
            in.failure = "stopped (test): complete the import again to go on";
        });
        complete(operationId, listId, importId, 1, null).then().statusCode(202);
        JsonPath report = finished(operationId, listId, importId);
        assertEquals("DONE", report.getString("status"));
        assertEquals(3, report.getLong("rows"));
        assertEquals(1, report.getLong("accepted"), "the two committed rows are not read twice");
        assertEquals(null, report.getString("failure"));
        Api.as("viewer1")
                .get("/api/operations/{id}/victim-lists/{listId}/victims", operationId, listId)
                .then()
                .body("total", equalTo(1))
                .body("items[0].phone", equalTo("+44 7••• •••103"));
    }

    @Test
    void aListReadsOneFileAtATime() {
        long operationId = Fixtures.createOperation("officer1");
        long listId = list(operationId, Map.of("name", "one at a time"));
        long first = newImport(operationId, listId, Map.of());
        put(operationId, listId, first, 1, "phone\n07700 900701\n".getBytes(StandardCharsets.UTF_8));
        long second = newImport(operationId, listId, Map.of());
        put(operationId, listId, second, 1, "phone\n07700 900702\n".getBytes(StandardCharsets.UTF_8));
        // the first as a reader leaves it while it works (or after a stop)
        QuarkusTransaction.requiringNew().run(() -> em.find(VictimImport.class, first).status = ImportStatus.READING);
        complete(operationId, listId, second, 1, null)
                .then()
                .statusCode(409)
                .body("detail", containsString("is being read"));
        complete(operationId, listId, first, 1, null).then().statusCode(202);
        assertEquals("DONE", finished(operationId, listId, first).getString("status"));
        complete(operationId, listId, second, 1, null).then().statusCode(202);
        assertEquals(1, finished(operationId, listId, second).getLong("accepted"));
    }

    @Test
    void valuesTooLongToStoreAreRefusedNotCutAndBadMappingsAre400s() {
        long operationId = Fixtures.createOperation("officer1");
        long listId = list(operationId, Map.of("name", "long values"));
        StringBuilder header = new StringBuilder("phone,email");
        StringBuilder wide = new StringBuilder("07700 900801,");
        for (int i = 0; i < 40; i++) {
            header.append(",note").append(i);
            wide.append(",").append("x".repeat(450));
        }
        String longAddress = "a@" + "\u0800".repeat(240) + ".org"; // 254 characters, 726 bytes
        String csv = header + "\n" + wide + "\n07700 900802," + longAddress + "\n";
        JsonPath report = importFile(operationId, listId, csv.getBytes(StandardCharsets.UTF_8));
        assertEquals("DONE", report.getString("status"), report.prettify());
        assertEquals(Map.of("fields-too-long", 1), report.getMap("refusedByReason"));
        assertEquals(1, report.getLong("accepted"));
        assertEquals(1, ((Number) report.getMap("flagged").get("email-ignored")).intValue());

        Api.as("officer1")
                .body(Map.of("name", "x", "otherRegions", java.util.Arrays.asList("FR", null)))
                .post("/api/operations/{id}/victim-lists", operationId)
                .then()
                .statusCode(400);
        Map<String, Object> nullColumn = new java.util.HashMap<>();
        nullColumn.put("bank", null);
        Api.as("officer1")
                .body(Map.of("mapping", Map.of("fields", nullColumn)))
                .post(imports(operationId, listId))
                .then()
                .statusCode(400);
    }

    @Test
    void onlyOfficersImportAndAListIsReachedOnlyThroughItsOperation() {
        long operationId = Fixtures.createOperation("officer1");
        long other = Fixtures.createOperation("officer1");
        long listId = list(operationId, Map.of("name", "roles"));
        Api.as("viewer1")
                .body(Map.of("name", "x"))
                .post("/api/operations/{id}/victim-lists", operationId)
                .then()
                .statusCode(403);
        Api.as("viewer1")
                .body(Map.of())
                .post(imports(operationId, listId))
                .then()
                .statusCode(403);
        Api.as("officer1").body(Map.of()).post(imports(other, listId)).then().statusCode(404);
        Api.as("viewer1")
                .get("/api/operations/{id}/victim-lists/{listId}/victims", other, listId)
                .then()
                .statusCode(404);
        Api.as("officer1")
                .body(Map.of("name", "x"))
                .post("/api/operations/{id}/victim-lists", 999_999_999)
                .then()
                .statusCode(404);
    }

    @Test
    void aListNamesItsCountryAndTheOthersItAccepts() {
        long operationId = Fixtures.createOperation("officer1");
        Api.as("officer1")
                .body(Map.of("name", "x", "region", "gb"))
                .post("/api/operations/{id}/victim-lists", operationId)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("region"));
        Api.as("officer1")
                .body(Map.of("name", "x", "region", "XX"))
                .post("/api/operations/{id}/victim-lists", operationId)
                .then()
                .statusCode(422);
        long listId = list(operationId, Map.of("name", "with France", "otherRegions", List.of("FR", "GB")));
        Api.as("viewer1")
                .get("/api/operations/{id}/victim-lists/{listId}", operationId, listId)
                .then()
                .body("otherRegions", equalTo(List.of("FR")));
        JsonPath report = importFile(
                operationId, listId, "phone\n+33 6 12 34 56 78\n+49 1512 3456789\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(1, report.getLong("accepted"));
        assertEquals(Map.of("other-country", 1), report.getMap("refusedByReason"));
        assertEquals(Map.of("other-country", 1), report.getMap("flagged"));
    }

    @Test
    void valuesAreStoredAsTheyAreWhateverTheirQuotesCommasAndNewlines() {
        // a batch goes in by COPY on PostgreSQL (CSV) and by a JDBC batch on H2: what a victim's row holds in the clear
        // (the masked address, its language) comes back unchanged, quotes, commas, backslashes and empty values alike
        long operationId = Fixtures.createOperation("officer1");
        long listId = list(operationId, Map.of("name", "quotes"));
        String file = "phone,email,language\r\n"
                + "07700 900101,\"\"\"o,\\\\x@,\"\"q.org\",en-GB\r\n"
                + "07700 900102,,\r\n"
                + "07700 900103,\\N@e.org,\r\n";
        JsonPath report = importFile(operationId, listId, file.getBytes(StandardCharsets.UTF_8));
        assertEquals(3, report.getLong("accepted"), report.prettify());
        Api.as("viewer1")
                .get("/api/operations/{id}/victim-lists/{listId}/victims", operationId, listId)
                .then()
                .statusCode(200)
                .body("items.email", equalTo(Arrays.asList("\"•••@,•••.org", null, "\\•••@e•••.org")))
                .body("items.language", equalTo(Arrays.asList("en-GB", null, null)))
                .body("items.phone", equalTo(List.of("+44 7••• •••101", "+44 7••• •••102", "+44 7••• •••103")));
    }

    @Test
    void aNumberOfABatchStillBeingWrittenIsADuplicateNotASecondVictim() {
        // a batch's numbers are looked up while the batch before is still being written; holding the list's row
        // keeps the first batch uncommitted while the second is looked up
        int batch = VictimImportService.BATCH;
        long operationId = Fixtures.createOperation("officer1");
        long listId = list(operationId, Map.of("name", "in batches"));
        StringBuilder csv = new StringBuilder("phone\n");
        for (int i = 0; i < 2 * batch + 100; i++) {
            int number = i == batch ? batch - 1 : i == batch + 1 ? 0 : i == 2 * batch ? batch - 1 : i;
            csv.append(i == 2 * batch ? "+44 7400 " : "07400 ")
                    .append(100_000 + number)
                    .append('\n');
        }
        long importId = newImport(operationId, listId, Map.of());
        put(operationId, listId, importId, 1, csv.toString().getBytes(StandardCharsets.UTF_8));
        complete(operationId, listId, importId, 1, null).then().statusCode(202);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew()
                .run(() -> {
                    em.find(VictimList.class, listId, LockModeType.PESSIMISTIC_WRITE);
                    LockSupport.parkNanos(Duration.ofSeconds(2).toNanos());
                }));
        JsonPath report = finished(operationId, listId, importId);
        holder.join();
        assertEquals("DONE", report.getString("status"), report.prettify());
        assertEquals(2 * batch + 100 - 3, report.getLong("accepted"));
        assertEquals(3, report.getLong("duplicates"));
    }
}
