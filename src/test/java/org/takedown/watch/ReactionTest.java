package org.takedown.watch;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.takedown.support.Api;
import org.takedown.support.ChannelWatchProfile;
import org.takedown.support.FakeChannelPreview;
import org.takedown.support.Fixtures;

/**
 * A rule linked to a notice: the link is approved content; a new matching post queues one notice run through the
 * delivery engine, once per post, at most once an hour per channel, and not while paused or the operation inactive.
 */
@QuarkusTest
@TestProfile(ChannelWatchProfile.class)
public class ReactionTest {

    FakeChannelPreview telegram;

    @Inject
    ChannelWatcher watcher;

    private static List<Map<String, Object>> reactions(long op) {
        return Api.as("viewer1")
                .get("/api/operations/{id}/reactions", op)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
    }

    private static List<Map<String, Object>> reactionRuns(long op) {
        List<Map<String, Object>> runs = Api.as("viewer1")
                .get("/api/operations/{id}/runs", op)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        return runs.stream().filter(r -> "REACTION".equals(r.get("origin"))).toList();
    }

    private static Map<String, Object> rule(String pattern, long notice, boolean paused) {
        Map<String, Object> body =
                new HashMap<>(Map.of("kind", "KEYWORD", "pattern", pattern, "reactWithNotice", notice));
        body.put("reactionsPaused", paused);
        return body;
    }

    @Test
    void aMatchingNewPostQueuesTheApprovedNoticeOnceAndNotTooOften() {
        Fixtures.Ids ids = Fixtures.operationIn("APPROVED");
        long op = ids.operation();
        String channel = "react" + Fixtures.unique();
        telegram.post(channel, 1, 5);
        long target = Api.as("officer1")
                .body(Map.of("kind", "TELEGRAM_CHANNEL", "value", "@" + channel))
                .post("/api/operations/{id}/watch-targets", op)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        assertEquals("APPROVED", Fixtures.status(op), "a watch target is internal");

        long otherNotice = Fixtures.operationIn("DRAFT").notice();
        Api.as("officer1")
                .body(rule("@shop_2bot", otherNotice, false))
                .post("/api/operations/{id}/watch-rules", op)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reactWithNotice"));
        long rule = Api.as("officer1")
                .body(rule("@shop_2bot", ids.notice(), false))
                .post("/api/operations/{id}/watch-rules", op)
                .then()
                .statusCode(201)
                .body("reactWithNotice", equalTo((int) ids.notice()))
                .extract()
                .jsonPath()
                .getLong("id");
        assertEquals("PENDING_APPROVAL", Fixtures.status(op), "which rule sends which notice needs approval");
        Fixtures.approve(op, "approver1");
        Fixtures.move(op, "officer1", "activate");

        watcher.read(target);
        List<Map<String, Object>> runs = reactionRuns(op);
        assertEquals(1, runs.size(), "post 2 names @shop_2bot: one run");
        assertEquals("QUEUED", runs.get(0).get("status"));
        assertEquals((int) ids.notice(), runs.get(0).get("noticeId"));
        assertEquals("system:watch", runs.get(0).get("createdBy"));
        assertEquals(
                1,
                ((Map<?, ?>) runs.get(0).get("deliveries"))
                        .values().stream()
                                .mapToInt(n -> ((Number) n).intValue())
                                .sum(),
                "one ledger row for the operation's one Telegram target");
        List<Map<String, Object>> reactions = reactions(op);
        assertEquals(1, reactions.size());
        assertEquals("QUEUED", reactions.get(0).get("outcome"));
        assertEquals(runs.get(0).get("id"), reactions.get(0).get("runId"));

        telegram.post(channel, 6, 9);
        watcher.read(target);
        assertEquals(1, reactionRuns(op).size(), "post 9 matches too, within the hour: held back");
        assertEquals("RATE_LIMITED", reactions(op).get(0).get("outcome"));
        watcher.read(target);
        assertEquals(2, reactions(op).size(), "nothing new read, nothing new decided: once per post");

        Api.as("officer1")
                .body(rule("@shop_2bot", ids.notice(), true))
                .put("/api/operations/{id}/watch-rules/{r}", op, rule)
                .then()
                .statusCode(200)
                .body("reactionsPaused", equalTo(true));
        assertEquals("ACTIVE", Fixtures.status(op), "pausing reactions needs no approval");
        telegram.post(channel, 10, 16);
        watcher.read(target);
        assertEquals("PAUSED", reactions(op).get(0).get("outcome"));

        Api.as("officer1")
                .body(rule("@shop_2bot", ids.notice(), false))
                .put("/api/operations/{id}/watch-rules/{r}", op, rule)
                .then()
                .statusCode(200);
        Fixtures.move(op, "officer1", "pause");
        telegram.post(channel, 17, 23);
        watcher.read(target);
        assertEquals("NOT_ACTIVE", reactions(op).get(0).get("outcome"));
        assertEquals(1, reactionRuns(op).size(), "one run in all");

        Api.as("officer1")
                .body(rule("@shop_3bot", ids.notice(), false))
                .put("/api/operations/{id}/watch-rules/{r}", op, rule)
                .then()
                .statusCode(200);
        assertEquals("PENDING_APPROVAL", Fixtures.status(op), "a reacting rule's new pattern needs approval again");
    }
}
