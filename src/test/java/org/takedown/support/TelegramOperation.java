package org.takedown.support;

import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An ACTIVE operation whose Telegram targets are channels the {@link FakeBotApi} knows (bot is an admin that may
 * post), with one notice; prepared by officer2, preflighted, approved by approver2 and activated through the API.
 */
public record TelegramOperation(long id, long notice, List<String> chats, Map<String, Long> targetIds) {

    private static final AtomicLong CHAT_IDS = new AtomicLong(-1002000000000L - System.nanoTime() % 1_000_000_000L);
    private static final List<String> UNSETTLED = List.of("PENDING", "CLAIMED", "RETRY_AT");

    public static TelegramOperation active(FakeBotApi telegram, int targets, Map<String, Object> notice) {
        return active(telegram, java.util.Collections.nCopies(targets, null), notice, null);
    }

    /** One target per entry of {@code languages} (null: no language of its own), and the notice with this PNG if given. */
    public static TelegramOperation active(FakeBotApi telegram, List<String> languages, Map<String, Object> notice, byte[] png) {
        long id = Fixtures.createOperation("officer2");
        List<String> chats = new ArrayList<>();
        Map<String, Long> targetIds = new HashMap<>();
        for (int i = 0; i < languages.size(); i++) {
            String chat = "@td" + Fixtures.unique() + "_" + i;
            telegram.chat(chat, new FakeBotApi.Chat(CHAT_IDS.decrementAndGet(), "channel", "Channel " + i, "administrator", true));
            Map<String, Object> target = new HashMap<>(Map.of("chat", chat));
            target.put("language", languages.get(i));
            targetIds.put(chat, Api.as("officer2").body(target).post("/api/operations/{id}/telegram-targets", id)
                    .then().statusCode(201).extract().jsonPath().getLong("id"));
            chats.add(chat);
        }
        long noticeId = Api.as("officer2").body(notice).post("/api/operations/{id}/notices", id)
                .then().statusCode(201).extract().jsonPath().getLong("id");
        if (png != null) {
            Api.as("officer2").contentType("image/png").body(png).put("/api/operations/{id}/notices/{n}/image", id, noticeId)
                    .then().statusCode(200);
        }
        Api.as("officer2").post("/api/operations/{id}/telegram-targets/preflight", id).then().statusCode(200);
        Fixtures.move(id, "officer2", "submit");
        Fixtures.approve(id, "approver2");
        Fixtures.move(id, "officer2", "activate");
        return new TelegramOperation(id, noticeId, List.copyOf(chats), Map.copyOf(targetIds));
    }

    public static Map<String, Object> notice(String text) {
        return Map.of("title", "Warning " + Fixtures.unique(), "defaultLanguage", "en", "texts", Map.of("en", text));
    }

    public long sendNow() {
        return Api.as("officer1").post("/api/operations/{id}/notices/{n}/runs", id, notice).then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    public List<Map<String, Object>> deliveries(long runId) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonPath json = Api.as("viewer1").queryParam("runId", runId).queryParam("size", 200).queryParam("page", page)
                    .get("/api/operations/{id}/deliveries", id).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = json.getList("items");
            rows.addAll(items);
            if (rows.size() >= json.getLong("total") || items.isEmpty()) {
                return rows;
            }
        }
    }

    /** Waits until no row of the run is still to be sent, and returns the rows. */
    public List<Map<String, Object>> awaitSettled(long runId, Duration atMost) {
        List<List<Map<String, Object>>> last = new ArrayList<>(List.of(List.of()));
        await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> {
            List<Map<String, Object>> rows = deliveries(runId);
            last.set(0, rows);
            return !rows.isEmpty() && rows.stream().noneMatch(r -> UNSETTLED.contains(r.get("status")));
        });
        return last.get(0);
    }

    /** The target as the API shows it (preflight status, suspension, chat). */
    public Map<String, Object> target(long targetId) {
        List<Map<String, Object>> targets = Api.as("viewer1").queryParam("size", 200).get("/api/operations/{id}/telegram-targets", id)
                .then().statusCode(200).extract().jsonPath().getList("items");
        return targets.stream().filter(t -> ((Number) t.get("id")).longValue() == targetId).findFirst().orElseThrow();
    }

    /** Runs {@code body} with the kill switch engaged, and releases it whatever happens. */
    public static void withKillSwitchEngaged(Runnable body) {
        Api.as("admin1").body(Map.of("engaged", true, "reason", "test")).put("/api/kill-switch").then().statusCode(200);
        try {
            body.run();
        } finally {
            Api.as("admin1").body(Map.of("engaged", false)).put("/api/kill-switch").then().statusCode(200);
        }
    }

    public Map<String, Object> row(long runId, String chat) {
        return deliveries(runId).stream().filter(r -> chat.equalsIgnoreCase((String) r.get("chat"))).findFirst().orElseThrow();
    }
}
