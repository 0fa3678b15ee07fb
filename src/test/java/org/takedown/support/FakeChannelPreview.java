package org.takedown.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scriptable stand-in for {@code t.me/s/<channel>} on 127.0.0.2: channels with numbered posts, served newest
 * first in pages of 20 with Telegram's "load older" link, and faults — older pages failing, the layout changing
 * (200 without posts), 429, no public preview.
 */
public final class FakeChannelPreview implements AutoCloseable {

    /** HANG: the answer waits until {@link #release()} (at most a minute), like a target that is very slow to answer. */
    public enum Fault {
        NONE,
        OLDER_PAGES_FAIL,
        LAYOUT_CHANGED,
        RATE_LIMITED,
        NO_PREVIEW,
        HANG
    }

    static final int PAGE = 20;

    private final HttpServer server;
    private final Map<String, TreeSet<Long>> channels = new ConcurrentHashMap<>();
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final Map<String, String> texts = new ConcurrentHashMap<>();
    private final Map<String, String> extras = new ConcurrentHashMap<>();
    private final Set<String> edited = ConcurrentHashMap.newKeySet();
    private final Map<String, String> descriptions = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger hanging = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();
    private volatile CountDownLatch released = new CountDownLatch(1);

    private FakeChannelPreview() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 32);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                answer(exchange);
            } finally {
                inFlight.decrementAndGet();
            }
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getQuery();
        String channel = path.startsWith("/s/") ? path.substring(3) : path.substring(1);
        Fault fault = faults.getOrDefault(channel, Fault.NONE);
        if (fault == Fault.HANG) {
            hanging.incrementAndGet();
            try {
                released.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                hanging.decrementAndGet();
            }
        }
        int status = 200;
        String html;
        if (!path.startsWith("/s/")) {
            html = "<html><body><div class=\"tgme_page\">" + channel + "</div></body></html>";
        } else if (fault == Fault.NO_PREVIEW) {
            exchange.getResponseHeaders().add("Location", "/" + channel);
            status = 302;
            html = "";
        } else if (fault == Fault.RATE_LIMITED) {
            exchange.getResponseHeaders().add("Retry-After", "120");
            status = 429;
            html = "";
        } else if (fault == Fault.OLDER_PAGES_FAIL && query != null) {
            status = 502;
            html = "";
        } else {
            html = page(
                    channel,
                    query == null ? null : Long.parseLong(query.substring("before=".length())),
                    fault == Fault.LAYOUT_CHANGED);
        }
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    public static FakeChannelPreview start() {
        try {
            return new FakeChannelPreview();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Posts {@code from..to} appear in the channel. */
    public FakeChannelPreview post(String channel, long from, long to) {
        TreeSet<Long> posts = channels.computeIfAbsent(channel, c -> new TreeSet<>());
        for (long id = from; id <= to; id++) {
            posts.add(id);
        }
        return this;
    }

    /** Post {@code id} of the channel shows this HTML as its text. */
    public FakeChannelPreview text(String channel, long id, String html) {
        post(channel, id, id);
        texts.put(channel + "/" + id, html);
        return this;
    }

    /** Post {@code id} now shows this HTML as its text, marked "edited" as Telegram marks a changed post. */
    public FakeChannelPreview edit(String channel, long id, String html) {
        text(channel, id, html);
        edited.add(channel + "/" + id);
        return this;
    }

    /** Post {@code id} shows this HTML in its bubble besides its text (a forward header, a poll, a document). */
    public FakeChannelPreview extra(String channel, long id, String html) {
        post(channel, id, id);
        extras.put(channel + "/" + id, html);
        return this;
    }

    /** The channel's "about" text. */
    public FakeChannelPreview description(String channel, String html) {
        descriptions.put(channel, html);
        return this;
    }

    public FakeChannelPreview fault(String channel, Fault fault) {
        if (fault == Fault.HANG && released.getCount() == 0) {
            released = new CountDownLatch(1);
        }
        faults.put(channel, fault);
        return this;
    }

    /** The most requests this server was answering at once. */
    public int peakConcurrent() {
        return peakInFlight.get();
    }

    public void resetPeak() {
        peakInFlight.set(inFlight.get());
    }

    /** Requests held by HANG right now. */
    public int hanging() {
        return hanging.get();
    }

    /** Lets every held request go, and later ones through. */
    public void release() {
        released.countDown();
    }

    public int requests() {
        return requests.get();
    }

    private String page(String channel, Long before, boolean layoutChanged) {
        TreeSet<Long> all = channels.getOrDefault(channel, new TreeSet<>());
        List<Long> older = (before == null ? all : all.headSet(before, false))
                .descendingSet().stream().limit(PAGE).sorted().toList();
        StringBuilder html = new StringBuilder(
                        "<html><body><div class=\"tgme_channel_info\"><div class=\"tgme_channel_info_header_title\">")
                .append("<span>")
                .append(channel)
                .append(" title</span></div><div class=\"tgme_channel_info_counter\"><span class=\"counter_value\">")
                .append("2.5K</span> <span class=\"counter_type\">subscribers</span></div>");
        if (descriptions.containsKey(channel)) {
            html.append("<div class=\"tgme_channel_info_description\">")
                    .append(descriptions.get(channel))
                    .append("</div>");
        }
        html.append("</div><section class=\"tgme_channel_history\">");
        if (!older.isEmpty() && all.first() < older.get(0)) {
            html.append("<a class=\"tme_messages_more\" data-before=\"")
                    .append(older.get(0))
                    .append("\" href=\"/s/")
                    .append(channel)
                    .append("?before=")
                    .append(older.get(0))
                    .append("\"></a>");
        }
        for (long id : older) {
            // After a layout change the posts are still there, under class names the reader does not know.
            String kind = layoutChanged ? "tgme_post_v2" : "tgme_widget_message";
            String key = channel + "/" + id;
            html.append("<div class=\"")
                    .append(kind)
                    .append("\" data-post=\"")
                    .append(key)
                    .append("\">")
                    .append(extras.getOrDefault(key, ""))
                    .append("<div class=\"")
                    .append(kind)
                    .append("_text\">")
                    .append(texts.getOrDefault(key, "Post " + id + " — order at @shop_" + id % 7 + "bot"))
                    .append("</div><span class=\"")
                    .append(kind)
                    .append("_meta\">")
                    .append(edited.contains(key) ? "edited " : "")
                    .append("<a class=\"")
                    .append(kind)
                    .append("_date\"><time datetime=\"2022-11-01T10:00:00+00:00\"></time></a></span></div>");
        }
        return html.append("</section></body></html>").toString();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
