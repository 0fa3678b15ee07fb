package org.takedown.console;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsmpp.SMPPConstant;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.Test;
import org.takedown.delivery.Delivery;
import org.takedown.delivery.DeliveryStatus;
import org.takedown.support.Api;
import org.takedown.support.ConsoleSession;
import org.takedown.victim.sms.SmsCampaignTest;
import org.takedown.victim.sms.SmscProfile;
import org.takedown.victim.sms.smpp.FakeSmsc;

/**
 * A campaign run's delivery report against the fake SMSC: one number refused, one answer withheld (UNKNOWN), one
 * receipt; the report shows the states, the failure by reason, the receipt and the UNKNOWN row masked, and an officer
 * resolves that row there with a note, which is audited.
 */
@QuarkusTest
@TestProfile(SmscProfile.class)
public class CampaignRunPageTest {

    FakeSmsc smsc;

    @Test
    void theReportShowsWhatHappenedAndAnOfficerResolvesTheUnknownRowThere() throws Exception {
        String csv = "phone,name,bank\r\n"
                + "07700 900501,Jane Smith,Barclays\r\n"
                + "07700 900502,Sam,HSBC\r\n"
                + "07700 900503,Ann,Lloyds\r\n";
        long[] ids = SmsCampaignTest.activeCampaign(csv, -3600, null, null);
        long operationId = ids[0];
        smsc.answerNext(SMPPConstant.STAT_ESME_RINVDSTADR);
        smsc.withholdNext(2_500);
        String runUrl = SmsCampaignTest.run(operationId, ids[1]);
        Api.as("officer1").post(runUrl).then().statusCode(201);
        long runId = Api.as("viewer1").get(runUrl).then().extract().jsonPath().getLong("id");
        await().atMost(Duration.ofSeconds(40))
                .until(() -> rows(operationId).stream()
                        .map(d -> d.status)
                        .toList()
                        .containsAll(
                                List.of(DeliveryStatus.FAILED_PERMANENT, DeliveryStatus.UNKNOWN, DeliveryStatus.SENT)));
        String sentId = rows(operationId).stream()
                .filter(d -> d.status == DeliveryStatus.SENT)
                .findFirst()
                .orElseThrow()
                .providerId;
        smsc.receipt(sentId, DeliveryReceiptState.DELIVRD, "000");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> rows(operationId).stream().anyMatch(d -> d.status == DeliveryStatus.DELIVERED));
        Delivery unknown = rows(operationId).stream()
                .filter(d -> d.status == DeliveryStatus.UNKNOWN)
                .findFirst()
                .orElseThrow();

        ConsoleSession officer = ConsoleSession.signIn("officer1");
        String base = "/console/operations/" + operationId + "/campaign-runs/" + runId;
        String page =
                officer.request().get(base).then().statusCode(200).extract().asString();
        assertTrue(page.contains("UNKNOWN: to resolve (1)"), page);
        assertTrue(page.contains("id=\"delivery-" + unknown.id + "\""), page);
        assertTrue(page.contains("+44 7"), "the victim masked: " + page);
        assertTrue(page.contains("refused the number"), "the failure by reason: " + page);
        assertTrue(page.contains("DELIVERED"), "the receipt: " + page);
        assertTrue(page.contains("&quot;accepted&quot;"), "the chart's series: " + page);
        for (String clear : List.of("900501", "900502", "900503", "Jane Smith")) {
            assertFalse(page.contains(clear), "the report shows " + clear);
        }
        officer.request()
                .get("/console/operations/" + operationId + "/campaigns/" + ids[1])
                .then()
                .body(containsString("/campaign-runs/" + runId));
        officer.request()
                .get("/console/deliveries/unknown")
                .then()
                .body(containsString("/campaign-runs/" + runId + "#delivery-" + unknown.id));

        officer.htmx()
                .formParam("note", "")
                .post(base + "/deliveries/" + unknown.id + "/mark-sent")
                .then()
                .statusCode(422)
                .body(containsString("note"));
        long otherRow = rows(operationId).stream()
                .filter(d -> d.status == DeliveryStatus.DELIVERED)
                .findFirst()
                .orElseThrow()
                .id;
        officer.htmx()
                .formParam("note", "the SMSC's log has it")
                .post(base + "/deliveries/" + otherRow + "/mark-sent")
                .then()
                .statusCode(422)
                .body(containsString("Only UNKNOWN deliveries can be marked sent"));
        officer.htmx()
                .formParam("note", "the SMSC's log has it")
                .post("/console/operations/" + operationId + "/campaign-runs/" + (runId + 1000) + "/deliveries/"
                        + unknown.id + "/mark-sent")
                .then()
                .statusCode(404);
        ConsoleSession.signIn("viewer1")
                .htmx()
                .formParam("note", "the SMSC's log has it")
                .post(base + "/deliveries/" + unknown.id + "/mark-sent")
                .then()
                .statusCode(403);

        officer.htmx()
                .formParam("note", "the SMSC's log has it, accepted at 10:02")
                .post(base + "/deliveries/" + unknown.id + "/mark-sent")
                .then()
                .statusCode(200)
                .body(containsString("UNKNOWN: to resolve (0)"))
                .body(not(containsString("id=\"delivery-" + unknown.id + "\"")));
        Delivery resolved = QuarkusTransaction.requiringNew().call(() -> Delivery.findById(unknown.id));
        assertEquals(DeliveryStatus.SENT, resolved.status);
        assertEquals("officer1", resolved.resolvedBy);
        long audited = QuarkusTransaction.requiringNew()
                .call(() -> Delivery.getEntityManager()
                        .createQuery(
                                "select count(a) from AuditEntry a where a.action = 'DELIVERY_MARKED_SENT'"
                                        + " and a.entityId = :id",
                                Long.class)
                        .setParameter("id", Long.toString(unknown.id))
                        .getSingleResult());
        assertEquals(1, audited);
        Map<String, Object> counts =
                Api.as("viewer1").get(runUrl).then().extract().path("rows");
        assertFalse(counts.containsKey("UNKNOWN"), counts.toString());
    }

    private static List<Delivery> rows(long operationId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Delivery.<Delivery>list("channel = 'sms' and operationId = ?1", operationId));
    }
}
