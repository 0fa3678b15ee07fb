package org.takedown.notice;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.takedown.support.Api;
import org.takedown.support.FakeBotApi;
import org.takedown.support.Fixtures;
import org.takedown.support.TelegramProfile;

/** Preflight through the API against the fake Bot API, and the approval it gates. */
@QuarkusTest
@TestProfile(TelegramProfile.class)
public class PreflightTest {

    FakeBotApi telegram;

    @Test
    void preflightFindsWhereTheBotCanPostAndApprovalWaitsForIt() {
        String u = Fixtures.unique();
        Map<String, FakeBotApi.Chat> chats = new LinkedHashMap<>();
        chats.put("@chan_ok_" + u, new FakeBotApi.Chat(-1001000000101L, "channel", "Channel", "administrator", true));
        chats.put(
                "@chan_noright_" + u,
                new FakeBotApi.Chat(-1001000000102L, "channel", "Channel", "administrator", false));
        chats.put("@group_ok_" + u, new FakeBotApi.Chat(-1001000000103L, "supergroup", "Group", "member", true));
        chats.put(
                "@group_muted_" + u, new FakeBotApi.Chat(-1001000000104L, "supergroup", "Group", "restricted", false));
        chats.put("@chan_left_" + u, new FakeBotApi.Chat(-1001000000105L, "channel", "Channel", "left", false));
        chats.put("@person_" + u, new FakeBotApi.Chat(1000000106L, "private", "Person", "member", true));
        chats.forEach(telegram::chat);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("@chan_ok_" + u, "OK");
        expected.put("@chan_noright_" + u, "NO_RIGHTS");
        expected.put("@group_ok_" + u, "OK");
        expected.put("@group_muted_" + u, "NO_RIGHTS");
        expected.put("@chan_left_" + u, "NOT_MEMBER");
        expected.put("@person_" + u, "UNSUPPORTED_CHAT");
        expected.put("@unknown_" + u, "NOT_FOUND");

        long id = Fixtures.createOperation("officer1");
        for (String chat : expected.keySet()) {
            Api.as("officer1")
                    .body(Map.of("chat", chat))
                    .post("/api/operations/{id}/telegram-targets", id)
                    .then()
                    .statusCode(201);
        }
        Fixtures.move(id, "officer1", "submit");
        Api.as("approver1")
                .body(Map.of("legalReference", Fixtures.REFERENCE))
                .post("/api/operations/{id}/approve", id)
                .then()
                .statusCode(422)
                .body("errors.message", hasItem(org.hamcrest.Matchers.containsString("preflight NOT_CHECKED")));

        JsonPath results = Api.as("approver1")
                .post("/api/operations/{id}/telegram-targets/preflight", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        for (int i = 0; i < expected.size(); i++) {
            String chat = results.getString("[" + i + "].chat");
            assertEquals(expected.get(chat), results.getString("[" + i + "].preflightStatus"), chat);
        }
        assertEquals("channel", results.getString("find { it.chat == '@chan_ok_" + u + "' }.chatType"));
        Api.as("viewer1")
                .queryParam("action", "TELEGRAM_PREFLIGHT")
                .queryParam("entityId", id)
                .get("/api/audit")
                .then()
                .body("total", equalTo(1))
                .body("items[0].actor", equalTo("approver1"));

        Api.as("approver1")
                .body(Map.of("legalReference", Fixtures.REFERENCE))
                .post("/api/operations/{id}/approve", id)
                .then()
                .statusCode(422)
                .body("errors.size()", equalTo(5));
        for (int i = 0; i < expected.size(); i++) {
            if (!results.getString("[" + i + "].preflightStatus").equals("OK")) {
                Api.as("officer1")
                        .delete("/api/operations/{id}/telegram-targets/{t}", id, results.getLong("[" + i + "].id"))
                        .then()
                        .statusCode(204);
            }
        }
        Fixtures.approve(id, "approver1");
    }
}
