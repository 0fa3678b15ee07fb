package org.takedown.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.takedown.support.Api;
import org.takedown.support.ChannelWatchProfile;
import org.takedown.support.FakeChannelPreview;
import org.takedown.support.Fixtures;

/** Reading watched channels against a t.me stand-in: depth, marks, gaps refilled, and the layout canary. */
@QuarkusTest
@TestProfile(ChannelWatchProfile.class)
public class ChannelWatcherTest {

    FakeChannelPreview telegram;

    @Inject
    ChannelWatcher watcher;

    private static long watch(long operation, String channel) {
        return Api.as("officer1")
                .body(Map.of("kind", "TELEGRAM_CHANNEL", "value", "@" + channel))
                .post("/api/operations/{id}/watch-targets", operation)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    private static List<Long> stored(long targetId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> WatchPost.<WatchPost>list("targetId = ?1 order by postId", targetId).stream()
                        .map(p -> p.postId)
                        .toList());
    }

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    private static Map<String, Object> view(long operation, long targetId) {
        List<Map<String, Object>> items = Api.as("viewer1")
                .get("/api/operations/{id}/watch-targets", operation)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        return items.stream()
                .filter(t -> ((Number) t.get("id")).longValue() == targetId)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aFirstReadGoesBackThreePagesThenEachReadUntilTheLastPostSeen() {
        String channel = "depth" + Fixtures.unique();
        telegram.post(channel, 1, 100);
        long op = Fixtures.createOperation("officer1");
        long target = watch(op, channel);

        ChannelWatcher.Read first = watcher.read(target);
        assertEquals(WatchTarget.ReadStatus.OK, first.status());
        assertEquals(range(41, 100), stored(target), "three pages of twenty on a first read");

        telegram.post(channel, 101, 125);
        ChannelWatcher.Read second = watcher.read(target);
        assertEquals(
                range(101, 125), second.newPosts().stream().map(ChannelPost::id).toList());
        assertEquals(range(41, 125), stored(target), "back until it met post 100, each post once");

        assertEquals(0, watcher.read(target).newPosts().size(), "nothing new, nothing stored");
        Map<String, Object> shown = view(op, target);
        assertEquals("OK", shown.get("lastReadStatus"));
        assertEquals(125, ((Number) shown.get("lastSeenPost")).intValue());
        assertEquals(2500, ((Number) shown.get("subscribers")).intValue());
        List<Map<String, Object>> posts = Api.as("viewer1")
                .queryParam("size", 5)
                .get("/api/operations/{id}/watch-targets/{t}/posts", op, target)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        assertEquals(125, ((Number) posts.get(0).get("postId")).intValue(), "newest first");
        assertEquals(List.of("shop_6bot"), posts.get(0).get("mentions"), "handles found in the text");
        Api.as("officer1")
                .body(Map.of("kind", "TELEGRAM_CHANNEL", "value", "@another_" + channel))
                .put("/api/operations/{id}/watch-targets/{t}", op, target)
                .then()
                .statusCode(409);
    }

    @Test
    void newPostsMatchingARuleBecomeSightingsOnce() {
        String channel = "rules" + Fixtures.unique();
        telegram.post(channel, 1, 3);
        long op = Fixtures.createOperation("officer1");
        long target = watch(op, channel);
        long rule = Api.as("officer1")
                .body(Map.of("kind", "REGEX", "pattern", "@SHOP_[0-2]BOT"))
                .post("/api/operations/{id}/watch-rules", op)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        Api.as("officer1")
                .body(Map.of("kind", "REGEX", "pattern", "(unclosed"))
                .post("/api/operations/{id}/watch-rules", op)
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("pattern"));

        assertEquals(
                2, watcher.read(target).sightings(), "posts 1 and 2 name @shop_1bot and @shop_2bot, post 3 @shop_3bot");
        telegram.post(channel, 4, 9);
        assertEquals(3, watcher.read(target).sightings(), "posts 7, 8 and 9 (@shop_0bot, @shop_1bot, @shop_2bot)");
        assertEquals(0, watcher.read(target).sightings(), "a post is matched once");

        List<Map<String, Object>> sightings = Api.as("viewer1")
                .queryParam("targetId", target)
                .get("/api/operations/{id}/sightings", op)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        assertEquals(5, sightings.size());
        assertTrue(sightings.stream().allMatch(x -> ((Number) x.get("ruleId")).longValue() == rule));
        assertTrue(
                ((String) sightings.get(0).get("excerpt")).contains("Post 9 — order at @shop_2bot"),
                sightings.get(0).toString());
        assertEquals(
                1,
                Api.as("viewer1")
                        .queryParam("action", "WATCH_RULE_ADDED")
                        .queryParam("entityId", Long.toString(rule))
                        .get("/api/audit")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items")
                        .size(),
                "adding a rule is audited");
    }

    @Test
    void parallelReadsThatFindTheSameNewNameQueueItOnceAndAllSucceed() throws Exception {
        String domain = "race-" + Fixtures.unique() + ".example";
        long op = Fixtures.createOperation("officer1");
        List<Long> targets = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String channel = "race" + i + Fixtures.unique();
            telegram.text(channel, 1, "Our new mirror: " + domain);
            targets.add(watch(op, channel));
        }
        java.util.concurrent.ExecutorService threads =
                java.util.concurrent.Executors.newFixedThreadPool(targets.size());
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            List<java.util.concurrent.Future<ChannelWatcher.Read>> reads = targets.stream()
                    .map(t -> threads.submit(() -> {
                        start.await();
                        return watcher.read(t);
                    }))
                    .toList();
            start.countDown();
            for (java.util.concurrent.Future<ChannelWatcher.Read> read : reads) {
                assertEquals(WatchTarget.ReadStatus.OK, read.get().status());
            }
        } finally {
            threads.shutdownNow();
        }
        List<Map<String, Object>> queued = Api.as("viewer1")
                .get("/api/operations/{id}/discoveries", op)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        assertEquals(
                List.of(domain),
                queued.stream().map(c -> c.get("value")).toList(),
                "one candidate, however the reads raced");
        targets.forEach(t -> assertEquals(List.of(1L), stored(t), "every channel's post stored"));
    }

    @Test
    void domainsAndHandlesNotYetWatchedAreQueuedOnceThenAcceptedOrDismissed() {
        String channel = "disc" + Fixtures.unique();
        telegram.text(
                        channel,
                        1,
                        "New site <a href=\"https://iSpoof-Two.example/order\">here</a>, mirror ispoof-three.example,"
                                + " join @spoofbackup and <a href=\"https://t.me/spoofmirror\">our mirror</a>, or @"
                                + channel)
                .text(channel, 2, "Again: https://ispoof-two.example and @SpoofBackup");
        long op = Fixtures.createOperation("officer1");
        long target = watch(op, channel);
        Api.as("officer1")
                .body(Map.of("kind", "DOMAIN", "value", "ispoof-three.example"))
                .post("/api/operations/{id}/watch-targets", op)
                .then()
                .statusCode(201);

        assertEquals(3, watcher.read(target).discovered());
        List<Map<String, Object>> queue = Api.as("viewer1")
                .queryParam("status", "NEW")
                .get("/api/operations/{id}/discoveries", op)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        Map<String, Object> byValue = new java.util.HashMap<>();
        queue.forEach(c -> byValue.put(c.get("kind") + " " + c.get("value"), c.get("id")));
        assertEquals(
                java.util.Set.of(
                        "DOMAIN ispoof-two.example", "TELEGRAM_CHANNEL spoofbackup", "TELEGRAM_CHANNEL spoofmirror"),
                byValue.keySet(),
                "each new name once; not the watched domain, the channel itself or Telegram's own host");

        Object handle = byValue.get("TELEGRAM_CHANNEL spoofbackup");
        Api.as("viewer1")
                .post("/api/operations/{id}/discoveries/{c}/accept", op, handle)
                .then()
                .statusCode(403);
        long watched = Api.as("officer1")
                .post("/api/operations/{id}/discoveries/{c}/accept", op, handle)
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("ACCEPTED"))
                .extract()
                .jsonPath()
                .getLong("watchTargetId");
        assertEquals("spoofbackup", view(op, watched).get("value"), "it is now watched");
        Api.as("officer1")
                .post("/api/operations/{id}/discoveries/{c}/dismiss", op, handle)
                .then()
                .statusCode(409);
        Object domain = byValue.get("DOMAIN ispoof-two.example");
        Api.as("officer1")
                .post("/api/operations/{id}/discoveries/{c}/dismiss", op, domain)
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("DISMISSED"))
                .body("decidedBy", org.hamcrest.Matchers.equalTo("officer1"));
        for (String action : List.of("DISCOVERY_ACCEPTED", "DISCOVERY_DISMISSED")) {
            assertEquals(
                    1,
                    Api.as("viewer1")
                            .queryParam("action", action)
                            .queryParam("entityType", "discovery_candidate")
                            .queryParam("entityId", (action.endsWith("ACCEPTED") ? handle : domain).toString())
                            .get("/api/audit")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getList("items")
                            .size(),
                    action + " audited");
        }

        telegram.text(channel, 3, "Still at ispoof-two.example, now also @spoofmirror");
        assertEquals(0, watcher.read(target).discovered(), "a dismissed or queued name is not reported again");
    }

    @Test
    void whenAnOlderPageFailsTheMarkStaysAndTheNextReadFillsTheGap() {
        String channel = "gap" + Fixtures.unique();
        telegram.post(channel, 1, 10);
        long target = watch(Fixtures.createOperation("officer1"), channel);
        watcher.read(target);
        telegram.post(channel, 11, 55).fault(channel, FakeChannelPreview.Fault.OLDER_PAGES_FAIL);

        ChannelWatcher.Read partial = watcher.read(target);
        assertEquals(WatchTarget.ReadStatus.FAILED, partial.status());
        assertTrue(partial.detail().contains("older page failed"), partial.detail());
        assertEquals(
                range(36, 55), partial.newPosts().stream().map(ChannelPost::id).toList(), "the newest page is kept");

        telegram.fault(channel, FakeChannelPreview.Fault.NONE);
        ChannelWatcher.Read refill = watcher.read(target);
        assertEquals(WatchTarget.ReadStatus.OK, refill.status());
        assertEquals(
                range(11, 35), refill.newPosts().stream().map(ChannelPost::id).toList());
        assertEquals(range(1, 55), stored(target), "no gap, no duplicate");
    }

    @Test
    void aChannelThatHadPostsAndNowShowsNoneRaisesTheReaderAlert() {
        String channel = "canary" + Fixtures.unique();
        telegram.post(channel, 1, 5);
        long op = Fixtures.createOperation("officer1");
        long target = watch(op, channel);
        assertEquals(WatchTarget.ReadStatus.OK, watcher.read(target).status());

        telegram.fault(channel, FakeChannelPreview.Fault.LAYOUT_CHANGED);
        ChannelWatcher.Read broken = watcher.read(target);
        assertEquals(WatchTarget.ReadStatus.READER_ALERT, broken.status());
        assertTrue(broken.detail().contains("reader broken or channel emptied"), broken.detail());
        assertEquals("READER_ALERT", view(op, target).get("lastReadStatus"));
        assertEquals(range(1, 5), stored(target));
    }

    @Test
    void noPreviewAndRateLimitsAreReportedNotTakenForEmptyChannels() {
        String hidden = "hidden" + Fixtures.unique();
        telegram.fault(hidden, FakeChannelPreview.Fault.NO_PREVIEW);
        long op = Fixtures.createOperation("officer1");
        long hiddenTarget = watch(op, hidden);
        assertEquals(
                WatchTarget.ReadStatus.NO_PUBLIC_PREVIEW,
                watcher.read(hiddenTarget).status());

        String busy = "busy" + Fixtures.unique();
        telegram.post(busy, 1, 3).fault(busy, FakeChannelPreview.Fault.RATE_LIMITED);
        long busyTarget = watch(op, busy);
        ChannelWatcher.Read limited = watcher.read(busyTarget);
        assertEquals(WatchTarget.ReadStatus.RATE_LIMITED, limited.status());
        assertTrue(limited.detail().contains("120 s"), limited.detail());
        int requests = telegram.requests();
        assertEquals(
                WatchTarget.ReadStatus.RATE_LIMITED, watcher.read(busyTarget).status());
        assertEquals(requests, telegram.requests(), "no request to Telegram before its Retry-After is over");
        assertEquals(List.of(), stored(busyTarget));
    }

    private static Map<String, Map<String, Object>> candidates(long op) {
        List<Map<String, Object>> queue = Api.as("viewer1")
                .queryParam("status", "NEW")
                .queryParam("size", 200)
                .get("/api/operations/{id}/discoveries", op)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        Map<String, Map<String, Object>> byValue = new java.util.HashMap<>();
        queue.forEach(c -> byValue.put(c.get("kind") + " " + c.get("value"), c));
        return byValue;
    }

    @Test
    @SuppressWarnings("unchecked")
    void anEditedPostKeepsItsFirstTextAndCaptureAndEachChangeBesideThem() {
        String channel = "edits" + Fixtures.unique();
        telegram.text(channel, 1, "Order at @shop_1bot")
                .text(channel, 2, "Prices in our bot")
                .text(channel, 3, "See you");
        long op = Fixtures.createOperation("officer1");
        long target = watch(op, channel);
        Api.as("officer1")
                .body(Map.of("kind", "KEYWORD", "pattern", "mirror"))
                .post("/api/operations/{id}/watch-rules", op)
                .then()
                .statusCode(201);
        watcher.read(target);

        telegram.edit(channel, 2, "Prices moved to our mirror hxxps://mirror-" + channel + "[.]example/shop");
        ChannelWatcher.Read read = watcher.read(target);
        assertTrue(read.detail().contains("1 posts changed"), read.detail());
        assertEquals(1, read.sightings(), "the rule matches the new text");
        assertEquals(1, read.discovered());
        Map<String, Object> candidate = candidates(op).get("DOMAIN mirror-" + channel + ".example");
        assertEquals(true, candidate.get("defanged"), "written defanged: " + candidate);

        Map<String, Object> post = Api.as("viewer1")
                .get("/api/operations/{id}/watch-targets/{t}/posts", op, target)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items", Map.class)
                .stream()
                .filter(p -> ((Number) p.get("postId")).longValue() == 2)
                .findFirst()
                .orElseThrow();
        assertEquals("Prices in our bot", post.get("text"), "the first text stays");
        assertEquals(true, post.get("edited"));
        List<Map<String, Object>> edits = (List<Map<String, Object>>) post.get("edits");
        assertEquals(1, edits.size());
        assertTrue(((String) edits.get(0).get("text")).startsWith("Prices moved to our mirror"), edits.toString());
        assertTrue(
                ((Number) edits.get(0).get("captureId")).longValue() != ((Number) post.get("captureId")).longValue(),
                "the change has its own capture; the first capture stays the evidence of the first text");

        assertEquals(0, watcher.read(target).sightings(), "the same edited text again is no new change");
        telegram.edit(channel, 3, "See <a href=\"https://moved-" + channel + ".example/\">you</a>");
        assertEquals(
                1,
                watcher.read(target).discovered(),
                "a link changed under the same words is a change, and its domain is found");
        telegram.edit(channel, 2, "Prices moved again");
        watcher.read(target);
        Map<String, Object> again = Api.as("viewer1")
                .get("/api/operations/{id}/watch-targets/{t}/posts", op, target)
                .then()
                .extract()
                .jsonPath()
                .getList("items", Map.class)
                .stream()
                .filter(p -> ((Number) p.get("postId")).longValue() == 2)
                .findFirst()
                .orElseThrow();
        assertEquals(2, ((List<?>) again.get("edits")).size(), "every change is kept");
    }

    @Test
    void namesOutsideThePostTextAreFoundToo() {
        String channel = "beyond" + Fixtures.unique();
        telegram.description(channel, "Mirror: backup-" + channel + "(.)example, admin @admin_" + channel)
                .extra(
                        channel,
                        1,
                        "<div class=\"tgme_widget_message_forwarded_from\">Forwarded from <a class=\"tgme_widget_message_forwarded_from_name\""
                                + " href=\"https://t.me/src_" + channel + "/55\"><span>Source</span></a></div>")
                .text(channel, 1, "Forwarded offer")
                .extra(
                        channel,
                        2,
                        "<div class=\"tgme_widget_message_poll\"><div class=\"tgme_widget_message_poll_question\">Where do you order?</div>"
                                + "<div class=\"tgme_widget_message_poll_option\"><div class=\"tgme_widget_message_poll_option_text\">poll-"
                                + channel
                                + ".example</div></div></div>")
                .text(channel, 2, "")
                .extra(
                        channel,
                        3,
                        "<a class=\"tgme_widget_message_document_wrap\"><div class=\"tgme_widget_message_document\">"
                                + "<div class=\"tgme_widget_message_document_title\">SpoofCaller-setup.apk</div></div></a>")
                .text(
                        channel,
                        3,
                        "Install it: write to <a href=\"mailto:support@mail-" + channel
                                + ".example?subject=key\">support</a>");
        long op = Fixtures.createOperation("officer1");
        long target = watch(op, channel);
        Api.as("officer1")
                .body(Map.of("kind", "KEYWORD", "pattern", "spoofcaller-setup"))
                .post("/api/operations/{id}/watch-rules", op)
                .then()
                .statusCode(201);

        ChannelWatcher.Read read = watcher.read(target);
        assertEquals(1, read.sightings(), "a document's name is the post's text for rules: " + read.detail());
        Map<String, Map<String, Object>> found = candidates(op);
        assertTrue(
                found.keySet()
                        .containsAll(List.of(
                                "DOMAIN backup-" + channel + ".example",
                                "TELEGRAM_CHANNEL admin_" + channel,
                                "TELEGRAM_CHANNEL src_" + channel,
                                "DOMAIN poll-" + channel + ".example",
                                "DOMAIN mail-" + channel + ".example")),
                found.keySet().toString());
        assertEquals(true, found.get("DOMAIN backup-" + channel + ".example").get("defanged"));
        assertEquals(false, found.get("DOMAIN poll-" + channel + ".example").get("defanged"));
        assertTrue(((String) view(op, target).get("channelDescription")).startsWith("Mirror:"));

        Map<String, Object> forwarded = Api.as("viewer1")
                .get("/api/operations/{id}/watch-targets/{t}/posts", op, target)
                .then()
                .extract()
                .jsonPath()
                .getList("items", Map.class)
                .stream()
                .filter(p -> ((Number) p.get("postId")).longValue() == 1)
                .findFirst()
                .orElseThrow();
        assertEquals("src_" + channel, forwarded.get("forwardedFromHandle"));
        assertEquals("Source", forwarded.get("forwardedFrom"));
        assertEquals(0, watcher.read(target).discovered(), "an unchanged description is not read for names again");
    }
}
