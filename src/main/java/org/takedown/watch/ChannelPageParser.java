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

/**
 * Reads a {@code t.me/s/<channel>} page with Jsoup. Telegram's markup is not an API: every selector is here, in one
 * place, and a page that yields no posts is reported as such by the caller rather than silently accepted.
 */
final class ChannelPageParser {

    /** An {@code @handle} in text (Telegram usernames: a letter, then 4 to 31 letters, digits or underscores). */
    static final Pattern HANDLE = Pattern.compile("(?<![\\w@/])@([A-Za-z][A-Za-z0-9_]{4,31})\\b");
    /** A link to a Telegram channel or user. */
    static final Pattern TME_LINK = Pattern.compile("https?://(?:www\\.)?(?:t|telegram)\\.me/([A-Za-z][A-Za-z0-9_]{4,31})(?:[/?#].*)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COUNT = Pattern.compile("([0-9]+(?:[.,][0-9]+)?)\\s*([KMB]?)", Pattern.CASE_INSENSITIVE);
    private static final Set<String> NOT_HANDLES = Set.of("joinchat", "share", "addstickers", "proxy", "socks", "iv", "addtheme", "setlanguage");

    private ChannelPageParser() {
    }

    static ChannelPage parse(String channel, String html, String baseUrl) {
        Document page = Jsoup.parse(html, baseUrl);
        String title = text(page.selectFirst(".tgme_channel_info_header_title"));
        String description = multiline(page.selectFirst(".tgme_channel_info_description"));
        Long subscribers = null;
        for (Element counter : page.select(".tgme_channel_info_counter")) {
            String type = text(counter.selectFirst(".counter_type"));
            if (type != null && type.toLowerCase(Locale.ROOT).startsWith("subscriber")) {
                subscribers = count(text(counter.selectFirst(".counter_value")));
            }
        }
        List<ChannelPost> posts = new ArrayList<>();
        for (Element message : page.select(".tgme_widget_message[data-post]")) {
            post(message).ifPresent(posts::add);
        }
        posts.sort(java.util.Comparator.comparingLong(ChannelPost::id));
        Element more = page.selectFirst(".tme_messages_more[data-before]");
        Long before = more == null ? null : longOrNull(more.attr("data-before"));
        return new ChannelPage(channel, title, description, subscribers, List.copyOf(posts), before);
    }

    private static java.util.Optional<ChannelPost> post(Element message) {
        String dataPost = message.attr("data-post");
        Long id = longOrNull(dataPost.substring(dataPost.lastIndexOf('/') + 1));
        if (id == null) {
            return java.util.Optional.empty();
        }
        boolean service = message.hasClass("service_message");
        Element textElement = message.selectFirst(".tgme_widget_message_text");
        String text = multiline(textElement);
        Set<String> links = new LinkedHashSet<>();
        Set<String> mentions = new LinkedHashSet<>();
        if (textElement != null) {
            for (Element a : textElement.select("a[href]")) {
                String href = a.absUrl("href");
                if (href.isEmpty()) {
                    continue;
                }
                Matcher tme = TME_LINK.matcher(href);
                if (tme.matches() && !NOT_HANDLES.contains(tme.group(1).toLowerCase(Locale.ROOT))) {
                    mentions.add(tme.group(1));
                } else if (!href.startsWith("?") && !href.toLowerCase(Locale.ROOT).startsWith("https://t.me/")) {
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
        Element forwarded = message.selectFirst(".tgme_widget_message_forwarded_from_name");
        Element time = message.selectFirst(".tgme_widget_message_date time[datetime]");
        Element previewElement = message.selectFirst("a.tgme_widget_message_link_preview");
        ChannelPost.LinkPreview preview = previewElement == null ? null : new ChannelPost.LinkPreview(previewElement.absUrl("href"),
                text(previewElement.selectFirst(".link_preview_site_name")), text(previewElement.selectFirst(".link_preview_title")),
                multiline(previewElement.selectFirst(".link_preview_description")));
        if (preview != null && !preview.url().isEmpty()) {
            links.add(preview.url());
        }
        int photos = message.select(".tgme_widget_message_photo_wrap").size();
        int videos = message.select(".tgme_widget_message_video_player").size();
        ChannelPost.MediaKind media = mediaKind(message, photos, videos);
        int mediaCount = media == ChannelPost.MediaKind.NONE ? 0 : Math.max(1, photos + videos);
        return java.util.Optional.of(new ChannelPost(id, instant(time == null ? null : time.attr("datetime")), text == null ? "" : text,
                List.copyOf(links), List.copyOf(mentions), count(text(message.selectFirst(".tgme_widget_message_views"))),
                forwarded == null ? null : forwarded.text().strip(), forwarded == null || forwarded.absUrl("href").isEmpty() ? null
                        : forwarded.absUrl("href"), media, mediaCount, preview, service));
    }

    private static ChannelPost.MediaKind mediaKind(Element message, int photos, int videos) {
        if (photos + videos > 0) {
            return videos > 0 && photos == 0 ? ChannelPost.MediaKind.VIDEO : ChannelPost.MediaKind.PHOTO;
        }
        if (message.selectFirst(".tgme_widget_message_voice") != null) {
            return ChannelPost.MediaKind.VOICE;
        }
        if (message.selectFirst(".tgme_widget_message_audio") != null) {
            return ChannelPost.MediaKind.AUDIO;
        }
        if (message.selectFirst(".tgme_widget_message_document") != null) {
            return ChannelPost.MediaKind.DOCUMENT;
        }
        if (message.selectFirst(".tgme_widget_message_sticker, .tgme_widget_message_sticker_wrap") != null) {
            return ChannelPost.MediaKind.STICKER;
        }
        if (message.selectFirst(".tgme_widget_message_poll") != null) {
            return ChannelPost.MediaKind.POLL;
        }
        if (message.selectFirst(".message_media_not_supported") != null) {
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
        copy.select("br").forEach(br -> br.replaceWith(new TextNode("\n")));
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
