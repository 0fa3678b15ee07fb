package org.takedown.victim.sms;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.takedown.delivery.Delivery;
import org.takedown.support.Api;
import org.takedown.victim.sms.notify.FakeNotify;
import org.takedown.victim.sms.notify.FakeNotifyResource;
import org.takedown.victim.sms.smpp.FakeSmsc;

/**
 * A campaign whose SMSC is down moves its messages not yet sent to GOV.UK Notify, its fallback, once its provider has
 * been unreachable for the configured time; each victim is reached once, through one of them. Without a fallback the
 * messages wait for the SMSC.
 */
@QuarkusTest
@TestProfile(FailoverProfile.class)
class FailoverTest {

    FakeSmsc smsc;
    FakeNotify notify;

    @BeforeEach
    void providers() {
        notify.reset();
        notify.callbacks("http://127.0.0.1:8081/notify/callback", FakeNotifyResource.CALLBACK_TOKEN);
    }

    @AfterEach
    void smscBack() {
        smsc.refuseBinds(false);
    }

    @Test
    void anSmscDownForLongEnoughHandsItsUnsentMessagesToNotify() {
        smsc.refuseBinds(true);
        smsc.dropBind();
        long[] ids = SmsCampaignTest.activeCampaign(
                "phone,name,bank\r\n07700 900501,A,Bank\r\n07700 900502,B,Bank\r\n07700 900503,C,Bank\r\n",
                new int[0],
                1,
                Map.of("provider", "SMPP", "fallbackProvider", "NOTIFY"));
        String run = SmsCampaignTest.run(ids[0], ids[1]);
        Api.as("officer1").post(run).then().statusCode(201);

        await().atMost(Duration.ofSeconds(40)).until(() -> notify.sent.size() == 3);
        JsonPath view =
                Api.as("viewer1").get(run).then().statusCode(200).extract().jsonPath();
        assertEquals("notify", view.getString("channel"));
        assertEquals("sms", view.getString("failedOverFrom"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Map.of("DELIVERED", 3L).equals(statuses(ids[0], "notify")));
        assertEquals(Map.of(), statuses(ids[0], "sms"), "nothing left behind on the SMSC's channel");
        assertEquals(
                List.of("+447700900501", "+447700900502", "+447700900503"),
                notify.sent.stream().map(FakeNotify.Sent::phoneNumber).sorted().toList(),
                "each victim once");
        assertTrue(smsc.received.stream().noneMatch(m -> m.destination().startsWith("4477009005")));
        Api.as("viewer1").get(run).then().body("rows.DELIVERED", equalTo(3)).body("plan.rate", equalTo(50.0f));
        assertEquals(
                1,
                Api.as("viewer1")
                        .queryParam("action", "CAMPAIGN_FAILED_OVER")
                        .queryParam("entityId", Long.toString(view.getLong("id")))
                        .get("/api/audit")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items")
                        .size());
    }

    @Test
    void withoutAFallbackTheMessagesWaitForTheSmsc() {
        smsc.refuseBinds(true);
        smsc.dropBind();
        long[] ids = SmsCampaignTest.activeCampaign(
                "phone,name,bank\r\n07700 900511,D,Bank\r\n", new int[0], 1, Map.of("provider", "SMPP"));
        String run = SmsCampaignTest.run(ids[0], ids[1]);
        Api.as("officer1").post(run).then().statusCode(201);
        await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6)).until(() -> true);
        assertEquals("sms", Api.as("viewer1").get(run).path("channel"));
        assertEquals(0, notify.sent.size());

        smsc.refuseBinds(false);
        await().atMost(Duration.ofSeconds(40))
                .until(() ->
                        smsc.received.stream().anyMatch(m -> m.destination().equals("447700900511")));
    }

    static Map<String, Long> statuses(long operationId, String channel) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Delivery.<Delivery>list("channel = ?1 and operationId = ?2", channel, operationId))
                .stream()
                .collect(Collectors.groupingBy(row -> row.status.name(), Collectors.counting()));
    }
}
