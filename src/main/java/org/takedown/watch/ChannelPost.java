package org.takedown.watch;

import java.time.Instant;
import java.util.List;

/**
 * One post of a public channel as its {@code t.me/s/} preview shows it. An album is one post ({@code mediaCount}
 * items). {@code text} keeps line breaks, entities decoded; {@code mentions} are {@code @handles} without the
 * {@code @}, from the text and from links to {@code t.me/<handle>}.
 */
public record ChannelPost(long id, Instant date, String text, List<String> links, List<String> mentions, Long views,
        String forwardedFrom, String forwardedFromUrl, MediaKind media, int mediaCount, LinkPreview preview, boolean service) {

    public enum MediaKind { NONE, PHOTO, VIDEO, DOCUMENT, AUDIO, VOICE, STICKER, POLL, OTHER }

    /** The link preview card under a post. */
    public record LinkPreview(String url, String siteName, String title, String description) {
    }
}
