package org.takedown.console;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.takedown.support.Api;
import org.takedown.support.ConsoleSession;
import org.takedown.support.FakeBotApi;
import org.takedown.support.TelegramOperation;
import org.takedown.support.TelegramProfile;

/** The delivery report against the fake Bot API: SENT rows with their message links, UNKNOWN rows resolved by an officer. */
@QuarkusTest
@TestProfile(TelegramProfile.class)
class RunReportTest {

    FakeBotApi telegram;

    @BeforeEach
    void clean() {
        telegram.reset();
    }

    @Test
    void sentRowsLinkToTheirMessagesAndTheCsvNeutralisesFormulas() {
        TelegramOperation op = TelegramOperation.active(
                telegram,
                2,
                TelegramOperation.notice("=HYPERLINK(\"http://evil.example\") Using spoofing services is illegal."));
        long run = op.sendNow();
        op.awaitSettled(run, Duration.ofSeconds(30));
        ConsoleSession viewer = ConsoleSession.signIn("viewer1");
        String page = viewer.request()
                .get("/console/operations/{id}/runs/{r}", op.id(), run)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String chat = op.chats().get(0).substring(1);
        assertTrue(page.contains("href=\"https://t.me/" + chat + "/"), "a link to the message in the channel");
        assertTrue(!page.contains("hx-trigger=\"every 2s\""), "a settled run stops refreshing");
        assertTrue(!page.contains("Mark sent"), "a viewer resolves nothing");
        String csv = viewer.request()
                .get("/console/operations/{id}/runs/{r}/deliveries.csv", op.id(), run)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(3, csv.strip().split("\r\n").length, csv);
        assertTrue(csv.contains(",SENT,"), csv);
    }

    @Test
    void anOfficerMarksAnUnknownRowSentOrHasItResent() {
        TelegramOperation op =
                TelegramOperation.active(telegram, 2, TelegramOperation.notice("More visits will follow."));
        telegram.withholdFor(3_000);
        op.chats().forEach(chat -> telegram.fault(chat, FakeBotApi.Fault.WITHHOLD, 1, 0));
        long run = op.sendNow();
        op.awaitSettled(run, Duration.ofSeconds(30));
        long first = ((Number) op.row(run, op.chats().get(0)).get("id")).longValue();
        long second = ((Number) op.row(run, op.chats().get(1)).get("id")).longValue();
        assertEquals("UNKNOWN", op.row(run, op.chats().get(0)).get("status"));

        ConsoleSession officer = ConsoleSession.signIn("officer1");
        officer.request()
                .get("/console/operations/{id}/runs/{r}", op.id(), run)
                .then()
                .statusCode(200)
                .body(containsString("Mark sent"));
        officer.htmx()
                .formParam("note", "")
                .post("/console/operations/{id}/runs/{r}/deliveries/{d}/mark-sent", op.id(), run, first)
                .then()
                .statusCode(422)
                .body(containsString("must not be blank"));
        String after = officer.htmx()
                .formParam("note", "Seen in the channel")
                .formParam("messageId", "4242")
                .post("/console/operations/{id}/runs/{r}/deliveries/{d}/mark-sent", op.id(), run, first)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(
                org.jsoup.Jsoup.parse(after)
                        .select("#delivery-" + first + " .state")
                        .text()
                        .equals("Sent"),
                "the report shows it sent at once");
        officer.htmx()
                .formParam("note", "Not in the channel")
                .post("/console/operations/{id}/runs/{r}/deliveries/{d}/resend", op.id(), run, second)
                .then()
                .statusCode(200);
        op.awaitSettled(run, Duration.ofSeconds(30));
        assertEquals("SENT", op.row(run, op.chats().get(0)).get("status"));
        assertEquals(4242, ((Number) op.row(run, op.chats().get(0)).get("messageId")).intValue());
        assertEquals("SENT", op.row(run, op.chats().get(1)).get("status"));
        Api.as("viewer1")
                .queryParam("action", "DELIVERY_RESENT")
                .queryParam("entityId", Long.toString(second))
                .get("/api/audit")
                .then()
                .body("items[0].actor", equalTo("officer1"));
        officer.htmx()
                .formParam("note", "again")
                .post("/console/operations/{id}/runs/{r}/deliveries/{d}/mark-sent", op.id(), run, first)
                .then()
                .statusCode(422)
                .body(containsString("Only UNKNOWN deliveries can be marked sent"));
        Map<String, Object> unchanged = op.row(run, op.chats().get(0));
        assertEquals("SENT", unchanged.get("status"));
    }
}
