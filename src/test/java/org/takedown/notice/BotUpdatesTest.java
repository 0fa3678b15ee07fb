package org.takedown.notice;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.takedown.support.Api;
import org.takedown.support.FakeBotApi;
import org.takedown.support.TelegramOperation;
import org.takedown.support.TelegramProfile;

/** Long polling: the bot's own status changes (my_chat_member) reach the targets at once, polled by one replica. */
@QuarkusTest
@TestProfile(TelegramProfile.class)
public class BotUpdatesTest {

    static final Duration SOON = Duration.ofSeconds(20);

    FakeBotApi telegram;

    @Inject
    BotUpdates updates;

    @BeforeEach
    void clean() {
        telegram.reset();
    }

    static FakeBotApi.Chat channel(long id, String status, boolean canPost) {
        return new FakeBotApi.Chat(id, "channel", "Fraud adverts", status, canPost);
    }

    @Test
    void removalSuspendsPendingSendsAndPromotionResumesThem() {
        TelegramOperation op =
                TelegramOperation.active(telegram, 2, TelegramOperation.notice("Spoofing is illegal. {reference}"));
        String removed = op.chats().get(0);
        long removedId = op.targetIds().get(removed);
        long chatId = -1003000000000L - System.nanoTime() % 1_000_000L;
        FakeBotApi.Chat admin = channel(chatId, "administrator", true);
        telegram.botStatusChanged(removed, admin, channel(chatId, "kicked", false));
        await().atMost(SOON)
                .until(() -> Boolean.TRUE.equals(op.target(removedId).get("suspended")));
        assertEquals("NOT_MEMBER", op.target(removedId).get("preflightStatus"));

        long run = op.sendNow();
        await().atMost(SOON)
                .until(() -> "SENT".equals(op.row(run, op.chats().get(1)).get("status")));
        assertEquals("PENDING", op.row(run, removed).get("status"), "nothing goes to a chat the bot was removed from");

        telegram.botStatusChanged(removed, channel(chatId, "kicked", false), admin);
        op.awaitSettled(run, SOON);
        assertEquals("SENT", op.row(run, removed).get("status"), "sent once the bot is back with the right to post");
        assertEquals("OK", op.target(removedId).get("preflightStatus"));
        List<String> audited = Api.as("viewer1")
                .queryParam("action", "TELEGRAM_TARGET_UPDATED")
                .queryParam("entityId", removedId)
                .get("/api/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.actor");
        assertEquals(List.of("telegram", "telegram"), audited);
    }

    @Test
    void aDemotionWithoutThePostingRightSuspendsTheTarget() {
        TelegramOperation op = TelegramOperation.active(telegram, 1, TelegramOperation.notice("Spoofing is illegal."));
        String chat = op.chats().get(0);
        long chatId = -1004000000000L - System.nanoTime() % 1_000_000L;
        telegram.botStatusChanged(
                chat, channel(chatId, "administrator", true), channel(chatId, "administrator", false));
        long targetId = op.targetIds().get(chat);
        await().atMost(SOON).until(() -> Boolean.TRUE.equals(op.target(targetId).get("suspended")));
        assertEquals("NO_RIGHTS", op.target(targetId).get("preflightStatus"));
    }

    @Test
    void onlyTheReplicaHoldingTheLeasePolls() {
        await().atMost(SOON).until(() -> telegram.getUpdatesCalls() > 0);
        assertTrue(
                updates.lease("another-replica", Duration.ofSeconds(30)).isEmpty(),
                "this replica's poller holds the lease");
        assertTrue(telegram.webhook().isEmpty(), "polling mode removes any webhook");
    }
}
