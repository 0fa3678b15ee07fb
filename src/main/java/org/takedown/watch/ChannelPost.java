package org.takedown.watch;

import java.time.Instant;
import java.util.List;

/**
 * One post of a public channel as its {@code t.me/s/} preview shows it. An album is one post ({@code mediaCount}
 * items). {@code text} keeps line breaks, entities decoded; {@code attachmentText} is what the post shows outside its
 * text (a poll's question and options, documents' file names), one per line; {@code mentions} are {@code @handles}
 * without the {@code @}, from the text, from links to {@code t.me/<handle>} and from the channel a forward came from
 * ({@code forwardedFromHandle}); {@code edited} when Telegram marks the post as edited.
 */
public record ChannelPost(
        long id,
        Instant date,
        String text,
        String attachmentText,
        List<String> links,
        List<String> mentions,
        Long views,
        String forwardedFrom,
        String forwardedFromUrl,
        String forwardedFromHandle,
        MediaKind media,
        int mediaCount,
        LinkPreview preview,
        boolean service,
        boolean edited) {

    public enum MediaKind {
        NONE,
        PHOTO,
        VIDEO,
        DOCUMENT,
        AUDIO,
        VOICE,
        STICKER,
        POLL,
        OTHER
    }

    /** The link preview card under a post. */
    public record LinkPreview(String url, String siteName, String title, String description) {}

    /** Everything the post says, for rules and discovery: its text, then what it shows outside the text. */
    public String readableText() {
        return attachmentText == null || attachmentText.isEmpty() ? text : text + "\n" + attachmentText;
    }
}
