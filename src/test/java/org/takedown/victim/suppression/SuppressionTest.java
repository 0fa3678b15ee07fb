package org.takedown.victim.suppression;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.takedown.support.Api;
import org.takedown.support.Fixtures;
import org.takedown.victim.list.VictimApi;

/** The force-wide suppression list: any spelling matches, the value is never kept, victims show it, all audited. */
@QuarkusTest
public class SuppressionTest {

    @Inject
    EntityManager em;

    private static Map<String, Object> body(String phone, String email, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("phone", phone);
        body.put("email", email);
        body.put("reason", reason);
        return body;
    }

    @Test
    void aNumberSuppressedInOneSpellingMatchesAVictimImportedInAnother() {
        String number = String.format("07700 9004%02d", (int) (Math.random() * 100));
        String digits = number.replace(" ", "").substring(1);
        long suppressionId = Api.as("officer1")
                .body(body("+44 " + digits, null, "STOP"))
                .post("/api/suppressions")
                .then()
                .statusCode(201)
                .body("kind", equalTo("PHONE"))
                .body("masked", equalTo("+44 7••• •••" + digits.substring(7)))
                .body("reason", equalTo("STOP"))
                .extract()
                .jsonPath()
                .getLong("id");
        Api.as("officer1")
                .body(body(number, null, "DO_NOT_CONTACT"))
                .post("/api/suppressions")
                .then()
                .statusCode(409);
        Api.as("viewer1")
                .get("/api/suppressions?size=200")
                .then()
                .statusCode(200)
                .body("items.id", hasItem((int) suppressionId));

        long operationId = Fixtures.createOperation("officer1");
        long listId = VictimApi.list(operationId, Map.of("name", "suppressed"));
        JsonPath report = VictimApi.importFile(
                operationId, listId, ("phone\n" + number + "\n07700 900399\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(2, report.getLong("accepted"));
        String victims = "/api/operations/" + operationId + "/victim-lists/" + listId + "/victims";
        Api.as("viewer1")
                .get(victims)
                .then()
                .body("items[0].suppressed", equalTo(true))
                .body("items[1].suppressed", equalTo(false));

        // stored as its index and masked form only
        List<?> rows = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("select * from suppression").getResultList());
        for (Object row : rows) {
            for (Object column : (Object[]) row) {
                assertFalse(String.valueOf(column).contains(digits), String.valueOf(column));
            }
        }

        Api.as("officer1")
                .body(Map.of("justification", "The victim asked to hear from us after all"))
                .post("/api/suppressions/{id}/remove", suppressionId)
                .then()
                .statusCode(204);
        Api.as("viewer1").get(victims).then().body("items[0].suppressed", equalTo(false));
        String audit = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery(
                                "select summary from audit_entry where action = 'suppression.remove' and entity_id = ?1")
                        .setParameter(1, Long.toString(suppressionId))
                        .getSingleResult()
                        .toString());
        assertTrue(audit.contains("asked to hear from us"), audit);
        assertFalse(audit.contains(digits), audit);
    }

    @Test
    void theSameNumberAddedAtOnceByManyIsOneEntryAndNeverAServerError() throws Exception {
        String number = String.format("07700 9007%02d", (int) (Math.random() * 100));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> Api.as("officer1")
                        .body(body(number, null, "STOP"))
                        .post("/api/suppressions")
                        .statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(5, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAddressIsSuppressedInAnyCase() {
        String address = "Someone." + Fixtures.unique() + "@Example.org";
        Api.as("officer1")
                .body(body(null, address, "DO_NOT_CONTACT"))
                .post("/api/suppressions")
                .then()
                .statusCode(201)
                .body("kind", equalTo("EMAIL"))
                .body("masked", equalTo("S•••@E•••.org"));
        Api.as("officer1")
                .body(body(null, address.toLowerCase(), "STOP"))
                .post("/api/suppressions")
                .then()
                .statusCode(409);
    }

    @Test
    void whatCannotBeSuppressedIsSaid() {
        Api.as("officer1")
                .body(body("07700 900410", "a@example.org", "STOP"))
                .post("/api/suppressions")
                .then()
                .statusCode(422);
        Api.as("officer1")
                .body(body(null, null, "STOP"))
                .post("/api/suppressions")
                .then()
                .statusCode(422);
        Api.as("officer1")
                .body(body("020 7946 0000", null, "STOP"))
                .post("/api/suppressions")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("phone"));
        Api.as("officer1")
                .body(body(null, "not-an-address", "STOP"))
                .post("/api/suppressions")
                .then()
                .statusCode(422);
        Api.as("officer1")
                .body(body("07700 900411", null, "MAYBE"))
                .post("/api/suppressions")
                .then()
                .statusCode(400);
        Api.as("viewer1")
                .body(body("07700 900412", null, "STOP"))
                .post("/api/suppressions")
                .then()
                .statusCode(403);
        Api.as("officer1")
                .body(Map.of("justification", "no such entry anyway"))
                .post("/api/suppressions/{id}/remove", 999_999_999)
                .then()
                .statusCode(404);
    }
}
