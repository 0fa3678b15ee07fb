package org.takedown.watch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads a public channel's preview page, {@code <base>/s/<channel>[?before=<id>]}, through the fetch gate, and tells
 * a page of posts apart from every way of not getting one: no public preview, 429, server errors, no answer.
 */
@ApplicationScoped
public class TelegramChannelReader {

    @Inject
    FetchGate gate;

    @Inject
    WatchConfig config;

    public ChannelRead read(String channel, Long before) {
        return read(channel, before, null);
    }

    /** Reads a page; posts at or below {@code knownUpTo} are listed by id only (see {@link ChannelPageParser}). */
    public ChannelRead read(String channel, Long before, Long knownUpTo) {
        String base = config.telegramPreviewUrl().replaceAll("/+$", "");
        String url = base + "/s/" + channel + (before == null ? "" : "?before=" + before);
        Fetched fetched;
        try {
            fetched = gate.fetch(url);
        } catch (FetchRefused refused) {
            return new ChannelRead.Failed(0, "refused by the fetch gate: " + refused.getMessage());
        } catch (IOException e) {
            return new ChannelRead.Failed(0, "no answer: " + e);
        }
        if (fetched.status() == 429) {
            return new ChannelRead.RateLimited(retryAfter(fetched.headers().getOrDefault("retry-after", List.of())));
        }
        if (fetched.status() != 200) {
            return new ChannelRead.Failed(fetched.status(), "HTTP " + fetched.status() + " from " + fetched.url());
        }
        String path = fetched.url().getPath() == null ? "" : fetched.url().getPath();
        if (!path.startsWith("/s/")) {
            return new ChannelRead.NoPublicPreview(
                    "redirected to " + fetched.url() + ": the channel has no public preview");
        }
        String html = new String(fetched.body(), StandardCharsets.UTF_8);
        ChannelPage page = ChannelPageParser.parse(channel, html, fetched.url().toString(), knownUpTo);
        if (page.title() == null && !page.hasPosts()) {
            return new ChannelRead.NoPublicPreview("the page shows no channel: private, deleted or not a channel");
        }
        return new ChannelRead.Page(page, fetched);
    }

    private static int retryAfter(List<String> values) {
        try {
            return values.isEmpty()
                    ? 60
                    : Math.max(1, Integer.parseInt(values.get(0).strip()));
        } catch (NumberFormatException e) {
            return 60;
        }
    }
}
