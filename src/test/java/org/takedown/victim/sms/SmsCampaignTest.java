package org.takedown.victim.sms;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsmpp.SMPPConstant;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.takedown.delivery.Delivery;
import org.takedown.support.Api;
import org.takedown.support.Fixtures;
import org.takedown.victim.campaign.CampaignTest;
import org.takedown.victim.list.VictimApi;
import org.takedown.victim.sms.smpp.FakeSmsc;

/**
 * An approved campaign sent through a real SMPP server (jSMPP's server side, {@link FakeSmsc}): each victim gets their
 * own text once, reassembled by the SMSC from its parts; the suppression list is read as each row goes; the SMSC's
 * refusals, throttling, silence and receipts each leave the ledger as the engine's classes say; a STOP reply
 * suppresses its number; quiet hours hold the run and it goes on by itself.
 */
@QuarkusTest
@TestProfile(SmscProfile.class)
public class SmsCampaignTest {

    /** What the SMSC received and the service must never log: the numbers texted, a name, a rendered text. */
    public static final List<String> NEVER_IN_CLEAR = List.of(
            "447700900201", "7700 900201", "447700900202", "447700900310", "447700900401", "Zoë Line", "Hello Jane");

    FakeSmsc smsc;

    @Test
    void eachVictimGetsTheirOwnTextOnceAndReceiptsDeliverIt() {
        String csv = "phone,name,bank,language\r\n"
                + "07700 900201,Jane Smith,Barclays,en\r\n"
                + "07700 900202,Zoë Line,HSBC,en\r\n"
                + "07700 900203,,,cy\r\n"
                + "07700 900204,Sam,Lloyds,en\r\n";
        // the window opens seconds after the campaign is saved: the run is built and waits for it, then is paused
        long[] ids = activeCampaign(csv, 8, null, null);
        long operationId = ids[0];
        long campaignId = ids[1];
        String run = run(operationId, campaignId);

        Api.as("officer1").post(run).then().statusCode(201).body("status", equalTo("BUILDING"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "SENDING".equals(Api.as("viewer1").get(run).path("status")));
        Api.as("officer1").post(run + "/pause").then().statusCode(200).body("paused", equalTo(true));
        Api.as("officer1").post(run + "/pause").then().statusCode(409).body("detail", containsString("already paused"));
        // suppressed after the run was built: read as the row goes
        Api.as("officer1")
                .body(Map.of("phone", "07700 900204", "reason", "DO_NOT_CONTACT"))
                .post("/api/suppressions")
                .then()
                .statusCode(201);
        Api.as("officer1").post(run).then().statusCode(409).body("detail", containsString("reaches each victim once"));
        await().pollDelay(Duration.ofSeconds(9)).atMost(Duration.ofSeconds(10)).until(() -> true);
        assertTrue(smsc.received.stream().noneMatch(m -> m.destination().startsWith("4477009002")), "paused");
        assertEquals(true, Api.as("viewer1").get(run).path("held"));
        Api.as("officer1").post(run + "/resume").then().statusCode(200).body("paused", equalTo(false));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> receivedBy("4477009002").size() == 3);
        Map<String, FakeSmsc.Received> byNumber = receivedBy("4477009002");
        assertEquals(
                "Hello Jane Smith. The Met took down a website that pretended to be Barclays. You may have been"
                        + " targeted. Read more at met.police.uk/elaborate - Ref ELABORATE",
                byNumber.get("447700900201").text());
        assertEquals("MetPolice", byNumber.get("447700900201").source());
        // UCS-2 in three parts, joined again by the SMSC
        assertEquals(3, byNumber.get("447700900202").messageIds().size());
        assertTrue(byNumber.get("447700900202").text().startsWith("Hello Zoë Line. The Met"));
        assertEquals(
                "Helo there. Cyf ELABORATE. met.police.uk/elaborate",
                byNumber.get("447700900203").text());

        await().atMost(Duration.ofSeconds(10)).until(() -> statuses(operationId).get("SKIPPED") != null);
        Map<String, Long> rows = statuses(operationId);
        assertEquals(Map.of("SENT", 3L, "SKIPPED", 1L), rows);
        List<Delivery> ledger = ledger(operationId);
        for (Delivery row : ledger) {
            assertTrue(row.recipientKey.matches("victim:\\d+") && row.address.equals(row.recipientKey), row.address);
            assertNull(row.payload, "the text is rendered as it is sent, never stored");
            String all = row.address + row.recipientKey + row.contentKey + row.detail + row.providerId;
            assertFalse(all.contains("7700"), "no number in the ledger: " + all);
        }
        assertTrue(ledger.stream().anyMatch(row -> row.detail != null && row.detail.contains("suppression list")));

        // receipts: the single-part messages at once (one in upper case with leading zeros), the long one part by part
        FakeSmsc.Received jane = byNumber.get("447700900201");
        receipt("00" + jane.messageIds().get(0).toUpperCase(Locale.ROOT), DeliveryReceiptState.DELIVRD);
        receipt(byNumber.get("447700900203").messageIds().get(0), DeliveryReceiptState.DELIVRD);
        List<String> zoe = byNumber.get("447700900202").messageIds();
        receipt(zoe.get(0), DeliveryReceiptState.DELIVRD);
        receipt(zoe.get(1), DeliveryReceiptState.DELIVRD);
        await().atMost(Duration.ofSeconds(10)).until(() -> statuses(operationId).getOrDefault("DELIVERED", 0L) == 2);
        assertEquals(1L, statuses(operationId).get("SENT"), "the long message waits for its last part");
        receipt(zoe.get(2), DeliveryReceiptState.DELIVRD);
        await().atMost(Duration.ofSeconds(10)).until(() -> statuses(operationId).getOrDefault("DELIVERED", 0L) == 3);

        JsonPath view =
                Api.as("viewer1").get(run).then().statusCode(200).extract().jsonPath();
        assertEquals(4, view.getInt("queued"));
        assertEquals(3, view.getInt("rows.DELIVERED"));
        assertEquals(1, view.getInt("rows.SKIPPED"));
        assertEquals("officer1", view.getString("startedBy"));
        Api.as("officer1")
                .delete("/api/operations/" + operationId + "/campaigns/" + campaignId)
                .then()
                .statusCode(409);
    }

    @Test
    void theSmscsRefusalsThrottlingAndSilenceEachLeaveTheLedgerRight() {
        StringBuilder csv = new StringBuilder("phone,name,bank\r\n");
        for (int i = 10; i < 18; i++) {
            csv.append("07700 9003").append(i).append(",P").append(i).append(",Bank\r\n");
        }
        long[] ids = activeCampaign(csv.toString(), -3600, null, null);
        // the first submit is refused for its number, the second answered too late, then the SMSC takes 4 a second
        smsc.answerNext(SMPPConstant.STAT_ESME_RINVDSTADR);
        smsc.withholdNext(2_500);
        smsc.rate(4);
        try {
            Api.as("officer1").post(run(ids[0], ids[1])).then().statusCode(201);
            await().atMost(Duration.ofSeconds(40))
                    .until(() -> statuses(ids[0]).getOrDefault("SENT", 0L) == 6
                            && statuses(ids[0]).getOrDefault("UNKNOWN", 0L) == 1
                            && submittedTo("4477009003").size() == 7);
        } finally {
            smsc.rate(Double.MAX_VALUE);
        }
        Map<String, Long> rows = statuses(ids[0]);
        assertEquals(Map.of("SENT", 6L, "UNKNOWN", 1L, "FAILED_PERMANENT", 1L), rows);
        List<Delivery> ledger = ledger(ids[0]);
        assertTrue(ledger.stream()
                .anyMatch(row ->
                        row.status.name().equals("FAILED_PERMANENT") && row.detail.contains("refused the number")));
        // the late answer's message reached the SMSC once, and nothing is sent to it again by itself
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        Map<String, Long> perNumber = submittedTo("4477009003");
        assertEquals(7, perNumber.size(), perNumber.toString());
        assertTrue(smsc.throttled.get() > 0, "the SMSC said throttled: the channel waited and went on");
        assertTrue(perNumber.values().stream().allMatch(n -> n == 1), "no number texted twice: " + perNumber);
    }

    @Test
    void aMessageThatExpiredIsSentAgainOnceAndOneUndeliverableNever() {
        long[] ids = activeCampaign(
                "phone,name,bank\r\n07700 900601,Una,Bank\r\n07700 900602,Ed,Bank\r\n", -3600, null, null);
        Api.as("officer1").post(run(ids[0], ids[1])).then().statusCode(201);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> receivedBy("4477009006").size() == 2);
        receipt(receivedBy("447700900601").get("447700900601").messageIds().get(0), DeliveryReceiptState.UNDELIV);
        String first =
                receivedBy("447700900602").get("447700900602").messageIds().get(0);
        receipt(first, DeliveryReceiptState.EXPIRED);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> submittedTo("447700900602").get("447700900602") == 2);
        String second = smsc.submitted.stream()
                .filter(m -> m.destination().equals("447700900602"))
                .reduce((a, b) -> b)
                .orElseThrow()
                .messageId();
        await().atMost(Duration.ofSeconds(10)).until(() -> statuses(ids[0]).getOrDefault("SENT", 0L) == 1);
        receipt(second, DeliveryReceiptState.EXPIRED);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> statuses(ids[0]).equals(Map.of("FAILED_PERMANENT", 1L, "FAILED_RETRYABLE", 1L)));
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> true);
        assertEquals(2L, submittedTo("447700900602").get("447700900602"), "resent once, not twice");
        assertEquals(1L, submittedTo("447700900601").get("447700900601"), "undeliverable: never again");
    }

    @Test
    void aMessageIdThatComesRoundAgainMatchesTheLatestMessage() {
        smsc.restartIds();
        long[] earlier = activeCampaign("phone,name,bank\r\n07700 900701,Ann,Bank\r\n", -60, null, null);
        Api.as("officer1").post(run(earlier[0], earlier[1])).then().statusCode(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> Map.of("SENT", 1L).equals(statuses(earlier[0])));
        smsc.restartIds();
        long[] later = activeCampaign("phone,name,bank\r\n07700 900702,Bob,Bank\r\n", -60, null, null);
        Api.as("officer1").post(run(later[0], later[1])).then().statusCode(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> Map.of("SENT", 1L).equals(statuses(later[0])));
        String id = receivedBy("447700900702").get("447700900702").messageIds().get(0);
        assertEquals(receivedBy("447700900701").get("447700900701").messageIds().get(0), id, "the same id twice");

        receipt(id, DeliveryReceiptState.DELIVRD);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Map.of("DELIVERED", 1L).equals(statuses(later[0])));
        assertEquals(Map.of("SENT", 1L), statuses(earlier[0]), "the earlier message with that id is not the one meant");
    }

    @Test
    void aStopReplySuppressesTheNumber() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> smscBound());
        smsc.inbound("447700900299", " stop ");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Api.as("viewer1")
                        .get("/api/suppressions?size=200")
                        .then()
                        .extract()
                        .asString()
                        .contains("•••299"));
        Api.as("officer1")
                .body(Map.of("phone", "07700 900299", "reason", "STOP"))
                .post("/api/suppressions")
                .then()
                .statusCode(409);
        smsc.inbound("447700900298", "Who is this?");
        await().during(Duration.ofMillis(700))
                .atMost(Duration.ofSeconds(3))
                .until(() -> !Api.as("viewer1")
                        .get("/api/suppressions?size=200")
                        .asString()
                        .contains("•••298"));
    }

    @Test
    void quietHoursHoldTheRunAndItGoesOnWhenTheyEnd() {
        ZoneId zone = ZoneId.of(Fixtures.ZONE);
        LocalTime now = LocalTime.now(zone).truncatedTo(ChronoUnit.SECONDS);
        LocalTime quietUntil = now.plusSeconds(6);
        // quiet hours across midnight would need the window of another day: the next run of the suite covers it
        Assumptions.assumeTrue(quietUntil.isAfter(now) && now.isAfter(LocalTime.of(1, 0)));
        long[] ids = activeCampaign(
                "phone,name,bank\r\n07700 900401,Quinn,Bank\r\n",
                -3600,
                now.minusHours(1).format(DateTimeFormatter.ISO_LOCAL_TIME),
                quietUntil.format(DateTimeFormatter.ISO_LOCAL_TIME));
        String run = run(ids[0], ids[1]);
        Api.as("officer1").post(run).then().statusCode(201);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "SENDING".equals(Api.as("viewer1").get(run).path("status")));
        assertEquals(true, Api.as("viewer1").get(run).path("held"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> receivedBy("447700900401").size() == 1);
        assertFalse(LocalTime.now(zone).isBefore(quietUntil), "nothing is submitted before the quiet hours end");
        assertEquals(false, Api.as("viewer1").get(run).path("held"));
    }

    private Map<String, Long> submittedTo(String prefix) {
        return smsc.submitted.stream()
                .filter(s -> s.destination().startsWith(prefix))
                .collect(Collectors.groupingBy(FakeSmsc.Submitted::destination, Collectors.counting()));
    }

    private boolean smscBound() {
        return smsc.binds.get() > 0;
    }

    private void receipt(String id, DeliveryReceiptState state) {
        try {
            smsc.receipt(id, state, "000");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private Map<String, FakeSmsc.Received> receivedBy(String prefix) {
        return smsc.received.stream()
                .filter(m -> m.destination().startsWith(prefix))
                .collect(Collectors.toMap(FakeSmsc.Received::destination, m -> m, (a, b) -> {
                    throw new AssertionError("texted twice: " + a.destination());
                }));
    }

    public static String run(long operationId, long campaignId) {
        return "/api/operations/" + operationId + "/campaigns/" + campaignId + "/run";
    }

    static Map<String, Long> statuses(long operationId) {
        return ledger(operationId).stream()
                .collect(Collectors.groupingBy(row -> row.status.name(), Collectors.counting()));
    }

    static List<Delivery> ledger(long operationId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Delivery.<Delivery>list("channel = ?1 and operationId = ?2", SmsChannel.NAME, operationId));
    }

    /**
     * An active operation with a campaign to these victims, open from {@code startIn} seconds after the campaign is
     * saved, for a day; returns its ids.
     */
    public static long[] activeCampaign(String csv, long startIn, String quietFrom, String quietUntil) {
        return activeCampaign(csv, new int[0], startIn, quietFrom, quietUntil);
    }

    /** As above, the file uploaded in parts cut at these byte offsets (a large list). */
    public static long[] activeCampaign(String csv, int[] cuts, long startIn, String quietFrom, String quietUntil) {
        Map<String, Object> extra = new HashMap<>();
        if (quietFrom != null) {
            extra.put("quietFrom", quietFrom);
            extra.put("quietUntil", quietUntil);
        }
        return activeCampaign(csv, cuts, startIn, extra);
    }

    /** As above, with these fields of the campaign as given ({@code provider}, quiet hours). */
    public static long[] activeCampaign(String csv, int[] cuts, long startIn, Map<String, Object> extra) {
        long operationId = Fixtures.createOperation("officer2");
        long listId = VictimApi.list(operationId, Map.of("name", "Victims"));
        VictimApi.importFile(operationId, listId, csv.getBytes(StandardCharsets.UTF_8), cuts);
        Map<String, Object> body = CampaignTest.body(listId);
        body.put("start", Fixtures.localIn(startIn));
        body.put("end", Fixtures.localIn(86_400));
        body.putAll(extra);
        long campaignId = Api.as("officer2")
                .body(body)
                .post("/api/operations/" + operationId + "/campaigns")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        Fixtures.move(operationId, "officer2", "submit");
        Fixtures.approve(operationId, "approver1");
        Fixtures.move(operationId, "officer2", "activate");
        return new long[] {operationId, campaignId};
    }
}
