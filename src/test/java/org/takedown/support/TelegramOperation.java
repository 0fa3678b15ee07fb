package org.takedown.support;

import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * An ACTIVE operation whose Telegram targets are channels the {@link FakeBotApi} knows (bot is an admin that may
 * post), with one notice; prepared by officer2, preflighted, approved by approver2 and activated through the API.
 */
public record TelegramOperation(long id, List<Long> notices, List<String> chats, Map<String, Long> targetIds) {

    private static final AtomicLong CHAT_IDS = new AtomicLong(-1002000000000L - System.nanoTime() % 1_000_000_000L);
    private static final List<String> UNSETTLED = List.of("PENDING", "CLAIMED", "RETRY_AT");

    public static TelegramOperation active(FakeBotApi telegram, int targets, Map<String, Object> notice) {
        return active(telegram, java.util.Collections.nCopies(targets, null), List.of(notice), null);
    }

    /** Several notices (the first is {@link #notice()}), for instance with schedules. */
    public static TelegramOperation active(FakeBotApi telegram, int targets, List<Map<String, Object>> notices) {
        return active(telegram, java.util.Collections.nCopies(targets, null), notices, null);
    }

    public static TelegramOperation active(
            FakeBotApi telegram, List<String> languages, Map<String, Object> notice, byte[] png) {
        return active(telegram, languages, List.of(notice), png);
    }

    /** One target per entry of {@code languages} (null: no language of its own), and the notices, the first with this PNG if given. */
    private static TelegramOperation active(
            FakeBotApi telegram, List<String> languages, List<Map<String, Object>> notices, byte[] png) {
        long id = Fixtures.createOperation("officer2");
        List<String> chats = new ArrayList<>();
        Map<String, Long> targetIds = new HashMap<>();
        for (int i = 0; i < languages.size(); i++) {
            String chat = "@td" + Fixtures.unique() + "_" + i;
            telegram.chat(
                    chat,
                    new FakeBotApi.Chat(CHAT_IDS.decrementAndGet(), "channel", "Channel " + i, "administrator", true));
            Map<String, Object> target = new HashMap<>(Map.of("chat", chat));
            target.put("language", languages.get(i));
            targetIds.put(
                    chat,
                    Api.as("officer2")
                            .body(target)
                            .post("/api/operations/{id}/telegram-targets", id)
                            .then()
                            .statusCode(201)
                            .extract()
                            .jsonPath()
                            .getLong("id"));
            chats.add(chat);
        }
        List<Long> noticeIds = new ArrayList<>();
        for (Map<String, Object> notice : notices) {
            noticeIds.add(Api.as("officer2")
                    .body(notice)
                    .post("/api/operations/{id}/notices", id)
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath()
                    .getLong("id"));
        }
        if (png != null) {
            Api.as("officer2")
                    .contentType("image/png")
                    .body(png)
                    .put("/api/operations/{id}/notices/{n}/image", id, noticeIds.get(0))
                    .then()
                    .statusCode(200);
        }
        Api.as("officer2")
                .post("/api/operations/{id}/telegram-targets/preflight", id)
                .then()
                .statusCode(200);
        Fixtures.move(id, "officer2", "submit");
        Fixtures.approve(id, "approver2");
        Fixtures.move(id, "officer2", "activate");
        return new TelegramOperation(id, List.copyOf(noticeIds), List.copyOf(chats), Map.copyOf(targetIds));
    }

    /** The first notice. */
    public long notice() {
        return notices.get(0);
    }

    public static Map<String, Object> notice(String text) {
        return Map.of("title", "Warning " + Fixtures.unique(), "defaultLanguage", "en", "texts", Map.of("en", text));
    }

    public long sendNow() {
        return Api.as("officer1")
                .post("/api/operations/{id}/notices/{n}/runs", id, notice())
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    public List<Map<String, Object>> deliveries(long runId) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonPath json = Api.as("viewer1")
                    .queryParam("runId", runId)
                    .queryParam("size", 200)
                    .queryParam("page", page)
                    .get("/api/operations/{id}/deliveries", id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
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
        List<Map<String, Object>> targets = Api.as("viewer1")
                .queryParam("size", 200)
                .get("/api/operations/{id}/telegram-targets", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        return targets.stream()
                .filter(t -> ((Number) t.get("id")).longValue() == targetId)
                .findFirst()
                .orElseThrow();
    }

    /** Runs {@code body} with the kill switch engaged, and releases it whatever happens. */
    public static void withKillSwitchEngaged(Runnable body) {
        Api.as("admin1")
                .body(Map.of("engaged", true, "reason", "test"))
                .put("/api/kill-switch")
                .then()
                .statusCode(200);
        try {
            body.run();
        } finally {
            Api.as("admin1")
                    .body(Map.of("engaged", false))
                    .put("/api/kill-switch")
                    .then()
                    .statusCode(200);
        }
    }

    /**
     * What Telegram received of a settled run: chats of this operation it never received and no UNKNOWN row accounts
     * for ({@code missed}), and chats it received more than once whose row is not UNKNOWN ({@code silentlyDoubled}).
     * Both must be empty: a chat may be reached twice only where an officer is told it may have been.
     */
    public record Reach(Set<String> missed, Set<String> silentlyDoubled, Set<String> unknown) {}

    public Reach reach(List<Map<String, Object>> rows, List<FakeBotApi.Delivered> delivered) {
        Set<String> unknown = rows.stream()
                .filter(r -> "UNKNOWN".equals(r.get("status")))
                .map(r -> ((String) r.get("chat")).toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        Map<String, Long> reached = delivered.stream()
                .collect(Collectors.groupingBy(d -> d.chat().toLowerCase(Locale.ROOT), Collectors.counting()));
        Set<String> missed = new TreeSet<>();
        Set<String> doubled = new TreeSet<>();
        for (String chat : chats) {
            String key = chat.toLowerCase(Locale.ROOT);
            if (!reached.containsKey(key) && !unknown.contains(key)) {
                missed.add(chat);
            }
            if (reached.getOrDefault(key, 0L) > 1 && !unknown.contains(key)) {
                doubled.add(chat);
            }
        }
        return new Reach(missed, doubled, unknown);
    }

    public Map<String, Object> row(long runId, String chat) {
        return deliveries(runId).stream()
                .filter(r -> chat.equalsIgnoreCase((String) r.get("chat")))
                .findFirst()
                .orElseThrow();
    }
}
