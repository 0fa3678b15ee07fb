package org.takedown.watch;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * Reads a {@code t.me/s/<channel>} page with Jsoup. Telegram's markup is not an API: every selector is here, in one
 * place, and a page that yields no posts is reported as such by the caller rather than silently accepted.
 */
final class ChannelPageParser {

    /** An {@code @handle} in text (Telegram usernames: a letter, then 4 to 31 letters, digits or underscores). */
    static final Pattern HANDLE = Pattern.compile("(?<![\\w@/])@([A-Za-z][A-Za-z0-9_]{4,31})\\b");
    /** A link to a Telegram channel or user. */
    static final Pattern TME_LINK = Pattern.compile(
            "https?://(?:www\\.)?(?:t|telegram)\\.me/([A-Za-z][A-Za-z0-9_]{4,31})(?:[/?#].*)?",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern COUNT =
            Pattern.compile("([0-9]+(?:[.,][0-9]+)?)\\s*([KMB]?)", Pattern.CASE_INSENSITIVE);
    // Telegram's markup, each selector compiled once: parsing the selector strings on every call was most of the
    // reader's CPU (Jsoup evaluators are thread-safe and reusable).
    private static final Evaluator CHANNEL_TITLE = Selector.evaluatorOf(".tgme_channel_info_header_title");
    private static final Evaluator CHANNEL_DESCRIPTION = Selector.evaluatorOf(".tgme_channel_info_description");
    private static final Evaluator COUNTER = Selector.evaluatorOf(".tgme_channel_info_counter");
    private static final Evaluator COUNTER_TYPE = Selector.evaluatorOf(".counter_type");
    private static final Evaluator COUNTER_VALUE = Selector.evaluatorOf(".counter_value");
    private static final Evaluator MESSAGE = Selector.evaluatorOf(".tgme_widget_message[data-post]");
    private static final Evaluator OLDER_PAGE = Selector.evaluatorOf(".tme_messages_more[data-before]");
    private static final Evaluator MESSAGE_TEXT = Selector.evaluatorOf(".tgme_widget_message_text");
    private static final Evaluator LINK = Selector.evaluatorOf("a[href]");
    private static final Evaluator FORWARDED_FROM = Selector.evaluatorOf(".tgme_widget_message_forwarded_from_name");
    private static final Evaluator DATE = Selector.evaluatorOf(".tgme_widget_message_date time[datetime]");
    private static final Evaluator LINK_PREVIEW = Selector.evaluatorOf("a.tgme_widget_message_link_preview");
    private static final Evaluator PREVIEW_SITE = Selector.evaluatorOf(".link_preview_site_name");
    private static final Evaluator PREVIEW_TITLE = Selector.evaluatorOf(".link_preview_title");
    private static final Evaluator PREVIEW_DESCRIPTION = Selector.evaluatorOf(".link_preview_description");
    private static final Evaluator PHOTO = Selector.evaluatorOf(".tgme_widget_message_photo_wrap");
    private static final Evaluator VIDEO = Selector.evaluatorOf(".tgme_widget_message_video_player");
    private static final Evaluator VIEWS = Selector.evaluatorOf(".tgme_widget_message_views");
    private static final Evaluator VOICE = Selector.evaluatorOf(".tgme_widget_message_voice");
    private static final Evaluator AUDIO = Selector.evaluatorOf(".tgme_widget_message_audio");
    private static final Evaluator DOCUMENT = Selector.evaluatorOf(".tgme_widget_message_document");
    private static final Evaluator STICKER =
            Selector.evaluatorOf(".tgme_widget_message_sticker, .tgme_widget_message_sticker_wrap");
    private static final Evaluator POLL = Selector.evaluatorOf(".tgme_widget_message_poll");
    private static final Evaluator UNSUPPORTED_MEDIA = Selector.evaluatorOf(".message_media_not_supported");
    private static final Evaluator LINE_BREAK = Selector.evaluatorOf("br");
    private static final Evaluator META = Selector.evaluatorOf(".tgme_widget_message_meta");
    private static final Evaluator POLL_QUESTION = Selector.evaluatorOf(".tgme_widget_message_poll_question");
    private static final Evaluator POLL_OPTION = Selector.evaluatorOf(".tgme_widget_message_poll_option_text");
    private static final Evaluator DOCUMENT_TITLE = Selector.evaluatorOf(".tgme_widget_message_document_title");
    private static final Set<String> NOT_HANDLES =
            Set.of("joinchat", "share", "addstickers", "proxy", "socks", "iv", "addtheme", "setlanguage");

    private ChannelPageParser() {}

    static ChannelPage parse(String channel, String html, String baseUrl) {
        return parse(channel, html, baseUrl, null);
    }

    /**
     * Reads a page; posts with an id at or below {@code knownUpTo} (the newest post stored before) are only listed
     * by id: most reads find nothing new, and reading every post in full was most of their cost.
     */
    static ChannelPage parse(String channel, String html, String baseUrl, Long knownUpTo) {
        Document page = Jsoup.parse(html, baseUrl);
        String title = text(page.selectFirst(CHANNEL_TITLE));
        String description = multiline(page.selectFirst(CHANNEL_DESCRIPTION));
        Long subscribers = null;
        for (Element counter : page.select(COUNTER)) {
            String type = text(counter.selectFirst(COUNTER_TYPE));
            if (type != null && type.toLowerCase(Locale.ROOT).startsWith("subscriber")) {
                subscribers = count(text(counter.selectFirst(COUNTER_VALUE)));
            }
        }
        List<ChannelPost> posts = new ArrayList<>();
        List<Long> known = new ArrayList<>();
        List<ChannelPost> editedKnown = new ArrayList<>();
        for (Element message : page.select(MESSAGE)) {
            Long id = id(message);
            if (id != null && knownUpTo != null && id <= knownUpTo) {
                known.add(id);
                if (edited(message)) {
                    editedKnown.add(post(id, message));
                }
            } else if (id != null) {
                posts.add(post(id, message));
            }
        }
        posts.sort(java.util.Comparator.comparingLong(ChannelPost::id));
        known.sort(null);
        Element more = page.selectFirst(OLDER_PAGE);
        Long before = more == null ? null : longOrNull(more.attr("data-before"));
        return new ChannelPage(
                channel,
                title,
                description,
                subscribers,
                List.copyOf(posts),
                List.copyOf(known),
                List.copyOf(editedKnown),
                before);
    }

    private static Long id(Element message) {
        String dataPost = message.attr("data-post");
        return longOrNull(dataPost.substring(dataPost.lastIndexOf('/') + 1));
    }

    private static ChannelPost post(long id, Element message) {
        boolean service = message.hasClass("service_message");
        Element textElement = message.selectFirst(MESSAGE_TEXT);
        String text = multiline(textElement);
        Set<String> links = new LinkedHashSet<>();
        Set<String> mentions = new LinkedHashSet<>();
        if (textElement != null) {
            for (Element a : textElement.select(LINK)) {
                String href = a.absUrl("href");
                if (href.isEmpty()) {
                    continue;
                }
                Matcher tme = TME_LINK.matcher(href);
                if (tme.matches() && !NOT_HANDLES.contains(tme.group(1).toLowerCase(Locale.ROOT))) {
                    mentions.add(tme.group(1));
                } else if (!href.startsWith("?")
                        && !href.toLowerCase(Locale.ROOT).startsWith("https://t.me/")) {
                    links.add(href);
                }
            }
        }
        if (text != null) {
            Matcher handle = HANDLE.matcher(text);
            while (handle.find()) {
                mentions.add(handle.group(1));
            }
        }
        Element forwarded = message.selectFirst(FORWARDED_FROM);
        String forwardedUrl = forwarded == null || forwarded.absUrl("href").isEmpty() ? null : forwarded.absUrl("href");
        String forwardedHandle = handleOf(forwardedUrl);
        if (forwardedHandle != null) {
            mentions.add(forwardedHandle);
        }
        Element time = message.selectFirst(DATE);
        Element previewElement = message.selectFirst(LINK_PREVIEW);
        ChannelPost.LinkPreview preview = previewElement == null
                ? null
                : new ChannelPost.LinkPreview(
                        previewElement.absUrl("href"),
                        text(previewElement.selectFirst(PREVIEW_SITE)),
                        text(previewElement.selectFirst(PREVIEW_TITLE)),
                        multiline(previewElement.selectFirst(PREVIEW_DESCRIPTION)));
        if (preview != null && !preview.url().isEmpty()) {
            links.add(preview.url());
        }
        int photos = message.select(PHOTO).size();
        int videos = message.select(VIDEO).size();
        ChannelPost.MediaKind media = mediaKind(message, photos, videos);
        int mediaCount = media == ChannelPost.MediaKind.NONE ? 0 : Math.max(1, photos + videos);
        return new ChannelPost(
                id,
                instant(time == null ? null : time.attr("datetime")),
                text == null ? "" : text,
                attachmentText(message),
                List.copyOf(links),
                List.copyOf(mentions),
                count(text(message.selectFirst(VIEWS))),
                forwarded == null ? null : forwarded.text().strip(),
                forwardedUrl,
                forwardedHandle,
                media,
                mediaCount,
                preview,
                service,
                edited(message));
    }

    /** Telegram writes "edited" before the time of a post that was changed after it was sent. */
    private static boolean edited(Element message) {
        Element meta = message.selectFirst(META);
        return meta != null && meta.ownText().toLowerCase(Locale.ROOT).contains("edited");
    }

    /** A poll's question and options and the file names of documents, one per line; empty when there are none. */
    private static String attachmentText(Element message) {
        List<String> lines = new ArrayList<>();
        addText(message.selectFirst(POLL_QUESTION), lines);
        message.select(POLL_OPTION).forEach(option -> addText(option, lines));
        message.select(DOCUMENT_TITLE).forEach(document -> addText(document, lines));
        return String.join("\n", lines);
    }

    private static void addText(Element element, List<String> lines) {
        String text = text(element);
        if (text != null && !text.isEmpty()) {
            lines.add(text);
        }
    }

    /** The channel a {@code t.me/<handle>/<post>} link names, or null. */
    private static String handleOf(String url) {
        if (url == null) {
            return null;
        }
        Matcher tme = TME_LINK.matcher(url);
        return tme.matches() && !NOT_HANDLES.contains(tme.group(1).toLowerCase(Locale.ROOT)) ? tme.group(1) : null;
    }

    private static ChannelPost.MediaKind mediaKind(Element message, int photos, int videos) {
        if (photos + videos > 0) {
            return videos > 0 && photos == 0 ? ChannelPost.MediaKind.VIDEO : ChannelPost.MediaKind.PHOTO;
        }
        if (message.selectFirst(VOICE) != null) {
            return ChannelPost.MediaKind.VOICE;
        }
        if (message.selectFirst(AUDIO) != null) {
            return ChannelPost.MediaKind.AUDIO;
        }
        if (message.selectFirst(DOCUMENT) != null) {
            return ChannelPost.MediaKind.DOCUMENT;
        }
        if (message.selectFirst(STICKER) != null) {
            return ChannelPost.MediaKind.STICKER;
        }
        if (message.selectFirst(POLL) != null) {
            return ChannelPost.MediaKind.POLL;
        }
        if (message.selectFirst(UNSUPPORTED_MEDIA) != null) {
            return ChannelPost.MediaKind.OTHER;
        }
        return ChannelPost.MediaKind.NONE;
    }

    /** Text with {@code <br>} as line breaks, entities decoded, other markup dropped. */
    private static String multiline(Element element) {
        if (element == null) {
            return null;
        }
        Element copy = element.clone();
        copy.select(LINE_BREAK).forEach(br -> br.replaceWith(new TextNode("\n")));
        return copy.wholeText().strip();
    }

    private static String text(Element element) {
        return element == null ? null : element.text().strip();
    }

    /** {@code 987}, {@code 1.2K} → 1200, {@code 3,4M} → 3400000; null when absent or unreadable. */
    static Long count(String shown) {
        if (shown == null) {
            return null;
        }
        Matcher m = COUNT.matcher(shown.strip().replace(" ", ""));
        if (!m.matches()) {
            return null;
        }
        double value = Double.parseDouble(m.group(1).replace(',', '.'));
        double factor = switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "K" -> 1e3;
            case "M" -> 1e6;
            case "B" -> 1e9;
            default -> 1;
        };
        return Math.round(value * factor);
    }

    private static Instant instant(String datetime) {
        if (datetime == null || datetime.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(datetime).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Long longOrNull(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
