package org.takedown.victim.sms.notify;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.takedown.delivery.Delivery;
import org.takedown.delivery.DeliveryReceipt;
import org.takedown.support.Api;
import org.takedown.victim.sms.SmsCampaignTest;

/**
 * A campaign sent through GOV.UK Notify's own Java client to a fake Notify API: each victim's own text once, under a
 * reference that names the row and nothing of the victim; the test key's outcomes come back by callback (bearer token)
 * or, without callbacks, by polling; a temporary failure is sent again once; Notify's rate limit pauses and loses
 * nothing; an unanswered send is UNKNOWN and never sent again.
 */
@QuarkusTest
@TestProfile(NotifyProfile.class)
public class NotifyCampaignTest {

    /** What Notify received and the service must never log: numbers texted, a rendered text. */
    public static final List<String> NEVER_IN_CLEAR =
            List.of("447700900201", "7700 900211", "Hello Jane. The Met", "447700900612", "447700900616");

    static final String CALLBACK = "http://127.0.0.1:8081/notify/callback";

    FakeNotify notify;

    @Inject
    NotifyReceivedTexts receivedTexts;

    @BeforeEach
    void reset() {
        notify.reset();
        notify.callbacks(CALLBACK, FakeNotifyResource.CALLBACK_TOKEN);
    }

    @Test
    void eachVictimGetsTheirTextOnceAndCallbacksSettleTheLedger() {
        long operationId = startedCampaign("phone,name,bank\r\n"
                + "07700 900201,Jane,Barclays\r\n"
                + "07700 900002,Perm,HSBC\r\n"
                + "07700 900003,Temp,Lloyds\r\n");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> statuses(operationId)
                        .equals(Map.of("DELIVERED", 1L, "FAILED_PERMANENT", 1L, "FAILED_RETRYABLE", 1L)));
        Map<String, List<FakeNotify.Sent>> byNumber =
                notify.sent.stream().collect(Collectors.groupingBy(FakeNotify.Sent::phoneNumber));
        assertEquals(1, byNumber.get("+447700900201").size());
        assertEquals(1, byNumber.get("+447700900002").size(), "a permanent failure is not sent again");
        assertEquals(2, byNumber.get("+447700900003").size(), "a temporary failure is sent again once");
        FakeNotify.Sent jane = byNumber.get("+447700900201").get(0);
        assertEquals(
                "Hello Jane. The Met took down a website that pretended to be Barclays. You may have been"
                        + " targeted. Read more at met.police.uk/elaborate - Ref ELABORATE",
                jane.body());
        for (Delivery row : ledger(operationId)) {
            String all = row.address + row.recipientKey + row.detail + row.providerId + row.payload;
            assertFalse(all.contains("7700"), "no number in the ledger: " + all);
            assertTrue(notify.sent.stream()
                    .filter(sent -> sent.id().equals(row.providerId))
                    .allMatch(sent -> sent.reference().equals("takedown-" + row.id)));
        }
        assertTrue(
                notify.callbackAnswers.stream().allMatch(status -> status == 204), notify.callbackAnswers.toString());
        List<DeliveryReceipt> receipts = receipts(operationId);
        assertTrue(receipts.stream().noneMatch(r -> r.detail.contains("polling")), "settled by callbacks");
        assertEquals(0, notify.refusedTokens.get(), "every request carried a valid token");
    }

    @Test
    void aTechnicalFailureIsSentAgainAfterABackoffUntilItGoesThroughOrTheAttemptsRunOut() {
        // Notify's technical-failure: nothing was sent, "try sending your messages again" — not the one resend of a
        // temporary failure. Two in a row, then delivered; then three in a row (the profile's attempts) give up.
        notify.technicalFailures(2);
        long delivered = startedCampaign("phone,name,bank\r\n07700 900231,Ann,Barclays\r\n");
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses(delivered).equals(Map.of("DELIVERED", 1L)));
        assertEquals(3, notify.sent.size(), "sent three times: two technical failures, then delivered");

        notify.reset();
        notify.callbacks(CALLBACK, FakeNotifyResource.CALLBACK_TOKEN);
        notify.technicalFailures(3);
        long givenUp = startedCampaign("phone,name,bank\r\n07700 900232,Bob,HSBC\r\n");
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses(givenUp).equals(Map.of("FAILED_RETRYABLE", 1L)));
        assertEquals(3, notify.sent.size(), "the profile's three attempts, no more");
        assertTrue(
                ledger(givenUp).get(0).detail.contains("gave up after 3 attempts"),
                ledger(givenUp).get(0).detail);
    }

    @Test
    void withoutCallbacksStatusesAreReadByPolling() {
        notify.callbacks(null, null);
        long operationId = startedCampaign("phone,name,bank\r\n07700 900211,Kim,Barclays\r\n");
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses(operationId).equals(Map.of("DELIVERED", 1L)));
        assertTrue(notify.statusReads.get() > 0);
        assertTrue(receipts(operationId).stream().anyMatch(r -> r.detail.contains("read by polling")));
    }

    @Test
    void callbacksNeedTheBearerTokenAndAreRecordedAsReceipts() {
        String body = "{\"id\":\"5e7d0c1a-0000-4000-8000-000000000001\",\"reference\":\"takedown-1\","
                + "\"to\":\"07700900999\",\"status\":\"delivered\",\"notification_type\":\"sms\"}";
        String token = "Bearer " + FakeNotifyResource.CALLBACK_TOKEN;
        callback("Bearer not-the-token", body).then().statusCode(404);
        callback(null, body).then().statusCode(404);
        callback(token, "{not json").then().statusCode(400);
        callback(token, "{\"status\":\"delivered\"}").then().statusCode(400);
        callback(token, body).then().statusCode(204);
        DeliveryReceipt kept = QuarkusTransaction.requiringNew()
                .call(() -> DeliveryReceipt.<DeliveryReceipt>find(
                                "channel = ?1 and providerId = ?2",
                                NotifyChannel.NAME,
                                "5e7d0c1a-0000-4000-8000-000000000001")
                        .singleResult());
        assertEquals(DeliveryReceipt.Status.DELIVERED, kept.status);
        assertFalse(kept.detail.contains("7700"), kept.detail);
    }

    @Test
    void theRateLimitPausesTheChannelAndLosesNothing() {
        notify.perMinute(2);
        long operationId = startedCampaign(
                "phone,name,bank\r\n" + "07700 900221,A,Bank\r\n07700 900222,B,Bank\r\n07700 900223,C,Bank\r\n");
        await().atMost(Duration.ofSeconds(20)).until(() -> notify.rateLimited.get() > 0);
        assertEquals(2, notify.sent.size());
        notify.perMinute(3000);
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses(operationId).equals(Map.of("DELIVERED", 3L)));
        assertEquals(3, notify.sent.size(), "each once");
    }

    @Test
    void aServerErrorIsTriedAgainAndAnUnansweredSendIsUnknownAndNeverSentAgain() {
        notify.failNext();
        long tried = startedCampaign("phone,name,bank\r\n07700 900231,D,Bank\r\n");
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses(tried).equals(Map.of("DELIVERED", 1L)));
        assertEquals(1, ledger(tried).get(0).attempts, "one failed attempt before it went");

        notify.withholdNext(1);
        long silent = startedCampaign("phone,name,bank\r\n07700 900232,E,Bank\r\n");
        await().atMost(Duration.ofSeconds(30)).until(() -> statuses(silent).equals(Map.of("UNKNOWN", 1L)));
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> statuses(silent).equals(Map.of("UNKNOWN", 1L)));
        assertEquals(
                1,
                notify.sent.stream()
                        .filter(s -> s.phoneNumber().equals("+447700900232"))
                        .count());
    }

    /**
     * A victim texts STOP to the force's Notify number: the poll of Notify's received messages suppresses the number
     * (other words are not acted on), and the callback does at once; each message is acted on once, so a number an
     * officer took off the list is not suppressed again by the same message read a second time.
     */
    @Test
    void aStopTextedToTheNotifyNumberSuppressesItOnceByPollOrCallback() {
        notify.receivedPage(2);
        notify.reply("447700900611", "Thanks for telling me");
        notify.reply("447700900612", " stop ");
        notify.reply("447700900613", "What is this?");
        notify.reply("447700900614", "Who are you");
        // polled here as the clustered schedule does: a schedule another test profile left in the shared test database
        // keeps its next firing, up to a minute away
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            receivedTexts.poll();
            return read() == 4;
        });
        assertEquals(List.of("612"), suppressed("611", "612", "613", "614"));

        Api.as("officer1")
                .body(Map.of("justification", "The victim asked to hear from us after all"))
                .post("/api/suppressions/{id}/remove", suppressionId("612"))
                .then()
                .statusCode(204);
        notify.reply("447700900615", "Hello");
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            receivedTexts.poll();
            return read() == 5;
        });
        assertEquals(List.of(), suppressed("612"), "the same STOP is not acted on again");

        notify.receivedCallbacks("http://127.0.0.1:8081/notify/received-text");
        notify.reply("+447700900616", "STOP");
        // the fake records the answer once it has read it, a moment after the service committed the suppression
        await().atMost(Duration.ofSeconds(15))
                .until(() -> suppressed("616").equals(List.of("616")) && notify.callbackAnswers.contains(204));
        Map<String, Object> row = Api.as("viewer1")
                .get("/api/suppressions?size=200")
                .then()
                .extract()
                .jsonPath()
                .getList("items", Map.class)
                .stream()
                .filter(s -> ((String) s.get("masked")).endsWith("616"))
                .findFirst()
                .orElseThrow();
        assertEquals("STOP", row.get("reason"));
        assertEquals("sms:reply", row.get("addedBy"));
    }

    @Test
    void receivedTextCallbacksNeedTheBearerTokenAndAWellFormedMessage() {
        String body = "{\"id\":\"5e7d0c1a-0000-4000-8000-0000000000aa\",\"source_number\":\"447700900621\","
                + "\"destination_number\":\"07700900000\",\"message\":\"STOP\","
                + "\"date_received\":\"2026-12-07T10:15:30.000000Z\"}";
        String token = "Bearer " + FakeNotifyResource.CALLBACK_TOKEN;
        post("/notify/received-text", "Bearer not-the-token", body).then().statusCode(404);
        post("/notify/received-text", null, body).then().statusCode(404);
        post("/notify/received-text", token, "{not json").then().statusCode(400);
        post("/notify/received-text", token, body.replace("2026-12-07T10:15:30.000000Z", "yesterday"))
                .then()
                .statusCode(400);
        post("/notify/received-text", token, body.replace("5e7d0c1a-0000-4000-8000-0000000000aa", "1; drop"))
                .then()
                .statusCode(400);
        assertEquals(List.of(), suppressed("621"), "nothing acted on before a well-formed, authorised message");
        post("/notify/received-text", token, body).then().statusCode(204);
        post("/notify/received-text", token, body).then().statusCode(204);
        assertEquals(List.of("621"), suppressed("621"));
    }

    /** How many of the messages phones sent to the fake were acted on. */
    private long read() {
        return QuarkusTransaction.requiringNew().call(() -> NotifyReceivedText.count("id in ?1", notify.receivedIds()));
    }

    /** Which of these number endings the suppression list holds (masked numbers end in their last three digits). */
    private static List<String> suppressed(String... endings) {
        List<String> masked = Api.as("viewer1")
                .get("/api/suppressions?size=200")
                .then()
                .extract()
                .jsonPath()
                .getList("items.masked", String.class);
        return java.util.Arrays.stream(endings)
                .filter(end -> masked.stream().anyMatch(m -> m.endsWith(end)))
                .toList();
    }

    private static long suppressionId(String ending) {
        return Api.as("viewer1")
                .get("/api/suppressions?size=200")
                .then()
                .extract()
                .jsonPath()
                .getList("items", Map.class)
                .stream()
                .filter(s -> ((String) s.get("masked")).endsWith(ending))
                .map(s -> ((Number) s.get("id")).longValue())
                .findFirst()
                .orElseThrow();
    }

    private static Response callback(String authorization, String body) {
        return post("/notify/callback", authorization, body);
    }

    private static Response post(String path, String authorization, String body) {
        RequestSpecification request =
                RestAssured.given().contentType("application/json").body(body);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.post(path);
    }

    private static long startedCampaign(String csv) {
        long[] ids = SmsCampaignTest.activeCampaign(csv, new int[0], 1, Map.of("provider", "NOTIFY"));
        String run = SmsCampaignTest.run(ids[0], ids[1]);
        Api.as("officer1").post(run).then().statusCode(201);
        Api.as("viewer1").get(run).then().body("channel", equalTo(NotifyChannel.NAME));
        return ids[0];
    }

    static Map<String, Long> statuses(long operationId) {
        return ledger(operationId).stream()
                .collect(Collectors.groupingBy(row -> row.status.name(), Collectors.counting()));
    }

    static List<Delivery> ledger(long operationId) {
        return QuarkusTransaction.requiringNew()
                .call(() ->
                        Delivery.<Delivery>list("channel = ?1 and operationId = ?2", NotifyChannel.NAME, operationId));
    }

    static List<DeliveryReceipt> receipts(long operationId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> DeliveryReceipt.<DeliveryReceipt>list(
                        "deliveryId in (select d.id from Delivery d where d.operationId = ?1)", operationId));
    }
}
