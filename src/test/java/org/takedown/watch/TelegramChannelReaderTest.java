package org.takedown.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.takedown.watch.ChannelPreviewFixtures.page;
import static org.takedown.watch.ChannelPreviewFixtures.post;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reader against a fixture server shaped like t.me: pages of posts with pagination, and every way of not
 * getting posts — no public preview (redirect away from /s/), a private channel page, 429, 5xx — each reported as
 * what it is, never as "no posts". The fixture is reached through the real fetch gate with one allowed /32.
 */
class TelegramChannelReaderTest {

    record Watch(String telegramPreviewUrl, int firstReadPages, int maxReadPages) implements WatchConfig {

        @Override
        public java.time.Duration channelReadEvery() {
            return java.time.Duration.ofMinutes(15);
        }

        @Override
        public double readJitter() {
            return 0.1;
        }

        @Override
        public java.time.Duration reactionMinInterval() {
            return java.time.Duration.ofHours(1);
        }

        @Override
        public String cycleEvery() {
            return "off";
        }

        @Override
        public int concurrency() {
            return 1;
        }
    }

    static HttpServer telegram;
    static TelegramChannelReader reader;

    @BeforeAll
    static void start() throws IOException {
        telegram = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 16);
        telegram.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery();
            String html = null;
            int status = 200;
            switch (path) {
                case "/s/fraudchan" ->
                    html = query == null
                            ? page(
                                    "fraudchan",
                                    "Fraud",
                                    "",
                                    "1.5K",
                                    150L,
                                    post("fraudchan", 150, "2022-11-01T10:00:00+00:00", "10", "", "newest page", ""),
                                    post("fraudchan", 151, "2022-11-01T11:00:00+00:00", "10", "", "newest post", ""))
                            : page(
                                    "fraudchan",
                                    "Fraud",
                                    "",
                                    "1.5K",
                                    null,
                                    post("fraudchan", 149, "2022-10-31T10:00:00+00:00", "9", "", "older post", ""));
                case "/s/closedchan" -> {
                    exchange.getResponseHeaders().add("Location", "/closedchan");
                    status = 302;
                }
                case "/closedchan" ->
                    html =
                            "<html><body><div class=\"tgme_page\"><div class=\"tgme_page_title\">Closed</div></div></body></html>";
                case "/s/ghostchan" ->
                    html =
                            "<html><body><div class=\"tgme_page_wrap\">If you have Telegram, you can contact this user</div></body></html>";
                case "/s/busychan" -> {
                    exchange.getResponseHeaders().add("Retry-After", "17");
                    status = 429;
                }
                case "/s/downchan" -> status = 502;
                default -> status = 404;
            }
            byte[] body = html == null ? new byte[0] : html.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        telegram.start();
        int port = telegram.getAddress().getPort();
        reader = new TelegramChannelReader();
        reader.gate = new FetchGate(
                new FetchGateTest.Config(
                        Set.of(port),
                        1 << 20,
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(5),
                        5,
                        Optional.of(List.of("127.0.0.2/32")),
                        "test"),
                host -> {
                    throw new java.net.UnknownHostException(host);
                },
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        reader.config = new Watch("http://127.0.0.2:" + port + "/", 3, 20);
    }

    @AfterAll
    static void stop() {
        telegram.stop(0);
    }

    @Test
    void readsAPageAndTheOlderOneBehindIt() {
        ChannelPage newest = assertInstanceOf(ChannelRead.Page.class, reader.read("fraudchan", null))
                .page();
        assertEquals(
                List.of(150L, 151L),
                newest.posts().stream().map(ChannelPost::id).toList());
        assertEquals(1_500L, newest.subscribers());
        assertEquals(150L, newest.olderBefore());
        ChannelPage older = assertInstanceOf(ChannelRead.Page.class, reader.read("fraudchan", newest.olderBefore()))
                .page();
        assertEquals(List.of(149L), older.posts().stream().map(ChannelPost::id).toList());
        assertEquals(null, older.olderBefore());
    }

    @Test
    void everyWayOfNotGettingPostsIsReportedAsSuch() {
        ChannelRead.NoPublicPreview redirected =
                assertInstanceOf(ChannelRead.NoPublicPreview.class, reader.read("closedchan", null));
        assertTrue(redirected.detail().contains("no public preview"), redirected.detail());
        assertInstanceOf(ChannelRead.NoPublicPreview.class, reader.read("ghostchan", null), "a page without a channel");
        assertEquals(new ChannelRead.RateLimited(17), reader.read("busychan", null));
        assertEquals(
                502,
                assertInstanceOf(ChannelRead.Failed.class, reader.read("downchan", null))
                        .status());
        assertEquals(
                404,
                assertInstanceOf(ChannelRead.Failed.class, reader.read("nosuchchan", null))
                        .status());
    }
}
