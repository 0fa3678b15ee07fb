package org.takedown.notice;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.takedown.support.FakeBotApi;
import org.takedown.support.TelegramOperation;
import org.takedown.support.TelegramProfile;

/** Webhook mode: registered with its secret token; reachable only at the secret path, with the token, on its hosts. */
@QuarkusTest
@TestProfile(WebhookTest.WebhookProfile.class)
public class WebhookTest {

    static final String PATH = "/telegram/webhook/p4th-s3cret";
    static final String TOKEN = "t0ken_secret-123";

    public static class WebhookProfile extends TelegramProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("takedown.telegram.updates.mode", "WEBHOOK");
            overrides.put("takedown.telegram.updates.webhook-url", "https://hooks.takedown.test" + PATH);
            overrides.put("takedown.telegram.updates.webhook-path", "p4th-s3cret");
            overrides.put("takedown.telegram.updates.webhook-secret-token", TOKEN);
            overrides.put("takedown.telegram.updates.webhook-hosts", "hooks.takedown.test");
            return overrides;
        }
    }

    FakeBotApi telegram;

    @BeforeEach
    void clean() {
        telegram.reset();
    }

    static int post(String host, String path, String token, Object body) {
        var request =
                given().header("Host", host).contentType("application/json").body(body);
        if (token != null) {
            request = request.header("X-Telegram-Bot-Api-Secret-Token", token);
        }
        return request.post(path).statusCode();
    }

    @Test
    void theWebhookIsRegisteredAtStartWithItsSecretTokenForBotStatusOnly() {
        Map<String, Object> registered = telegram.webhook();
        assertEquals("https://hooks.takedown.test" + PATH, registered.get("url"));
        assertEquals(TOKEN, registered.get("secret_token"));
        assertEquals(List.of("my_chat_member"), registered.get("allowed_updates"));
        assertEquals(0, telegram.getUpdatesCalls(), "no polling in webhook mode");
    }

    @Test
    void onlyTheSecretPathWithTheSecretTokenIsAccepted() {
        TelegramOperation op = TelegramOperation.active(telegram, 1, TelegramOperation.notice("Spoofing is illegal."));
        String chat = op.chats().get(0);
        long chatId = -1005000000000L - System.nanoTime() % 1_000_000L;
        Map<String, Object> update = telegram.botStatusChanged(
                chat,
                new FakeBotApi.Chat(chatId, "channel", "Ads", "administrator", true),
                new FakeBotApi.Chat(chatId, "channel", "Ads", "left", false));
        assertEquals(404, post("hooks.takedown.test", PATH, null, update), "no token");
        assertEquals(404, post("hooks.takedown.test", PATH, "wrong-token", update), "wrong token");
        assertEquals(404, post("hooks.takedown.test", "/telegram/webhook/guess", TOKEN, update), "wrong path");
        assertEquals(404, post("seized-or-unknown.example", PATH, TOKEN, update), "not a webhook host");
        assertEquals(
                404,
                given().header("Host", "hooks.takedown.test").get("/api/me").statusCode(),
                "a webhook host reaches nothing else");
        assertEquals(
                404,
                post("hooks.takedown.test", "/telegram/webhook/../../api/operations", TOKEN, Map.of()),
                "no way round through the path");
        long targetId = op.targetIds().get(chat);
        assertEquals(false, op.target(targetId).get("suspended"), "refused calls changed nothing");

        assertEquals(200, post("hooks.takedown.test", PATH, TOKEN, update));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> Boolean.TRUE.equals(op.target(targetId).get("suspended")));
        assertEquals("NOT_MEMBER", op.target(targetId).get("preflightStatus"));
        assertEquals(400, post("localhost", PATH, TOKEN, "{not json"), "officer hosts reach it too; bad JSON is a 400");
    }
}
