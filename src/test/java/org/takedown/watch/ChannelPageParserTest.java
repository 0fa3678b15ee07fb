package org.takedown.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.takedown.watch.ChannelPreviewFixtures.album;
import static org.takedown.watch.ChannelPreviewFixtures.forwardedFrom;
import static org.takedown.watch.ChannelPreviewFixtures.linkPreview;
import static org.takedown.watch.ChannelPreviewFixtures.page;
import static org.takedown.watch.ChannelPreviewFixtures.post;
import static org.takedown.watch.ChannelPreviewFixtures.service;
import static org.takedown.watch.ChannelPreviewFixtures.video;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ChannelPageParserTest {

    static final String CHANNEL = "spoofcallsvip";

    /** A page with one of everything Telegram's preview shows, newest last as Telegram orders them. */
    static String everything() {
        return page(
                CHANNEL,
                "Spoof Calls VIP 📞",
                "Best spoofing service &amp; bank OTP bots<br>Contact @spoof_admin",
                "12.3K",
                100L,
                service(CHANNEL, 100, "Channel created"),
                post(
                        CHANNEL,
                        101,
                        "2022-10-30T09:15:00+00:00",
                        "987",
                        "",
                        "🔥 New numbers <b>every day</b>!<br>Order at <a href=\"https://ispoof-new.example/order?ref=1\">ispoof-new.example</a>"
                                + "<br>Support: @spoof_support &amp; <a href=\"https://t.me/spoof_backup\">backup</a>",
                        ""),
                post(
                        CHANNEL,
                        102,
                        "2022-10-31T18:00:00+00:00",
                        "1.2K",
                        forwardedFrom("Spoof Partners", "https://t.me/spoofpartners/55"),
                        "Forwarded offer &lt;limited&gt;",
                        ""),
                post(CHANNEL, 103, "2022-11-01T10:00:00+00:00", "3.4M", album(CHANNEL, 103, 3), "Album caption", ""),
                post(
                        CHANNEL,
                        106,
                        "2022-11-02T08:30:00+00:00",
                        "45",
                        "",
                        "Read more",
                        linkPreview(
                                "https://fraud-blog.example/post",
                                "Fraud Blog",
                                "How to <i>win</i>",
                                "Line one<br>line two")),
                post(CHANNEL, 107, "2022-11-03T12:00:00+02:00", null, video(), "مرحبا بكم في الخدمة", ""),
                post(CHANNEL, 108, "2022-11-04T12:00:00+00:00", "12", "", null, album(CHANNEL, 108, 1)));
    }

    @Test
    void readsTheChannelAndEveryKindOfPost() {
        ChannelPage page = ChannelPageParser.parse(CHANNEL, everything(), "https://t.me/s/" + CHANNEL);
        assertEquals("Spoof Calls VIP 📞", page.title());
        assertEquals("Best spoofing service & bank OTP bots\nContact @spoof_admin", page.description());
        assertEquals(12_300L, page.subscribers());
        assertEquals(100L, page.olderBefore());
        assertEquals(
                List.of(100L, 101L, 102L, 103L, 106L, 107L, 108L),
                page.posts().stream().map(ChannelPost::id).toList());
        Map<Long, ChannelPost> posts =
                page.posts().stream().collect(Collectors.toMap(ChannelPost::id, Function.identity()));

        ChannelPost created = posts.get(100L);
        assertTrue(created.service());
        assertEquals("Channel created", created.text());

        ChannelPost offer = posts.get(101L);
        assertFalse(offer.service());
        assertEquals(Instant.parse("2022-10-30T09:15:00Z"), offer.date());
        assertEquals(
                "🔥 New numbers every day!\nOrder at ispoof-new.example\nSupport: @spoof_support & backup",
                offer.text());
        assertEquals(List.of("https://ispoof-new.example/order?ref=1"), offer.links());
        assertEquals(
                List.of("spoof_backup", "spoof_support"),
                offer.mentions().stream().sorted().toList());
        assertEquals(987L, offer.views());
        assertEquals(ChannelPost.MediaKind.NONE, offer.media());

        ChannelPost forwarded = posts.get(102L);
        assertEquals("Spoof Partners", forwarded.forwardedFrom());
        assertEquals("https://t.me/spoofpartners/55", forwarded.forwardedFromUrl());
        assertEquals("Forwarded offer <limited>", forwarded.text());
        assertEquals(1_200L, forwarded.views());

        ChannelPost album = posts.get(103L);
        assertEquals(ChannelPost.MediaKind.PHOTO, album.media());
        assertEquals(3, album.mediaCount(), "an album is one post with three photos");
        assertEquals(3_400_000L, album.views());

        ChannelPost preview = posts.get(106L);
        assertEquals(
                new ChannelPost.LinkPreview(
                        "https://fraud-blog.example/post", "Fraud Blog", "How to win", "Line one\nline two"),
                preview.preview());
        assertEquals(List.of("https://fraud-blog.example/post"), preview.links());

        ChannelPost rtl = posts.get(107L);
        assertEquals("مرحبا بكم في الخدمة", rtl.text());
        assertEquals(Instant.parse("2022-11-03T10:00:00Z"), rtl.date(), "offsets are honoured");
        assertEquals(ChannelPost.MediaKind.VIDEO, rtl.media());
        assertNull(rtl.views());

        ChannelPost photoOnly = posts.get(108L);
        assertEquals("", photoOnly.text());
        assertEquals(ChannelPost.MediaKind.PHOTO, photoOnly.media());
        assertEquals(1, photoOnly.mediaCount());
    }

    @Test
    void countsAsTelegramShowsThem() {
        assertEquals(987L, ChannelPageParser.count("987"));
        assertEquals(1_200L, ChannelPageParser.count("1.2K"));
        assertEquals(3_400_000L, ChannelPageParser.count("3,4M"));
        assertEquals(2_000_000_000L, ChannelPageParser.count("2B"));
        assertNull(ChannelPageParser.count("many"));
        assertNull(ChannelPageParser.count(null));
    }

    @Test
    void postsAtOrBelowTheMarkAreListedByIdOnly() {
        ChannelPage everything = ChannelPageParser.parse(CHANNEL, everything(), "https://t.me/s/" + CHANNEL);
        ChannelPage sinceMark = ChannelPageParser.parse(CHANNEL, everything(), "https://t.me/s/" + CHANNEL, 103L);
        assertEquals(
                List.of(106L, 107L, 108L),
                sinceMark.posts().stream().map(ChannelPost::id).toList());
        assertEquals(List.of(100L, 101L, 102L, 103L), sinceMark.knownPostIds());
        assertEquals(
                everything.posts().subList(4, 7), sinceMark.posts(), "new posts are read in full, as without a mark");
        assertEquals(108L, sinceMark.newestPostId().getAsLong());
        ChannelPage nothingNew = ChannelPageParser.parse(CHANNEL, everything(), "https://t.me/s/" + CHANNEL, 108L);
        assertEquals(List.of(), nothingNew.posts());
        assertTrue(nothingNew.hasPosts());
        assertEquals(everything.title(), nothingNew.title());
        assertEquals(everything.subscribers(), nothingNew.subscribers());
    }

    @Test
    void theOldestPageHasNoOlderLink() {
        ChannelPage oldest = ChannelPageParser.parse(
                CHANNEL,
                page(CHANNEL, "T", "", "5", null, post(CHANNEL, 1, "2022-01-01T00:00:00+00:00", "1", "", "first", "")),
                "https://t.me/s/" + CHANNEL);
        assertNull(oldest.olderBefore());
        assertEquals(1, oldest.posts().size());
    }

    @Test
    void readsWhatAPostShowsBesideItsTextAndWhetherItWasEdited() {
        String poll =
                "<div class=\"tgme_widget_message_poll\"><div class=\"tgme_widget_message_poll_question\">Which bank next?</div>"
                        + "<div class=\"tgme_widget_message_poll_type\">Anonymous poll</div><div class=\"tgme_widget_message_poll_options\">"
                        + "<div class=\"tgme_widget_message_poll_option\"><div class=\"tgme_widget_message_poll_option_percent\">60%</div>"
                        + "<div class=\"tgme_widget_message_poll_option_value\"><div class=\"tgme_widget_message_poll_option_text\">Big Bank</div></div></div>"
                        + "<div class=\"tgme_widget_message_poll_option\"><div class=\"tgme_widget_message_poll_option_text\">vote at poll.example</div></div>"
                        + "</div></div>";
        String document = "<a class=\"tgme_widget_message_document_wrap\" href=\"https://t.me/" + CHANNEL + "/202\">"
                + "<div class=\"tgme_widget_message_document\"><div class=\"tgme_widget_message_document_title accent_color\">Spoofer-2.4.apk</div>"
                + "<div class=\"tgme_widget_message_document_extra\">12.3 MB</div></div></a>";
        String html = page(
                CHANNEL,
                "t",
                "d",
                "1",
                null,
                post(CHANNEL, 201, "2022-11-05T10:00:00+00:00", "5", poll, null, ""),
                post(CHANNEL, 202, "2022-11-05T11:00:00+00:00", "5", document, "The app", ""),
                post(
                                CHANNEL,
                                203,
                                "2022-11-05T12:00:00+00:00",
                                "5",
                                forwardedFrom("Spoof Partners", "https://t.me/spoofpartners/55"),
                                "Offer",
                                "")
                        .replace(
                                "<span class=\"tgme_widget_message_meta\">",
                                "<span class=\"tgme_widget_message_meta\">edited "));
        Map<Long, ChannelPost> posts =
                ChannelPageParser.parse(CHANNEL, html, "https://t.me/s/" + CHANNEL).posts().stream()
                        .collect(Collectors.toMap(ChannelPost::id, Function.identity()));

        assertEquals(
                "Which bank next?\nBig Bank\nvote at poll.example",
                posts.get(201L).attachmentText());
        assertEquals(
                "\nWhich bank next?\nBig Bank\nvote at poll.example",
                posts.get(201L).readableText(),
                "what rules and discovery read");
        assertEquals(ChannelPost.MediaKind.POLL, posts.get(201L).media());
        assertEquals("Spoofer-2.4.apk", posts.get(202L).attachmentText());
        assertFalse(posts.get(202L).edited());
        ChannelPost forwarded = posts.get(203L);
        assertTrue(forwarded.edited(), "Telegram wrote 'edited' before its time");
        assertEquals("spoofpartners", forwarded.forwardedFromHandle());
        assertEquals("Spoof Partners", forwarded.forwardedFrom());
        assertTrue(forwarded.mentions().contains("spoofpartners"), "the source channel is a name for discovery");
        assertEquals("", forwarded.attachmentText());

        ChannelPage known = ChannelPageParser.parse(CHANNEL, html, "https://t.me/s/" + CHANNEL, 203L);
        assertEquals(List.of(201L, 202L, 203L), known.knownPostIds());
        assertEquals(List.of(forwarded), known.editedKnownPosts(), "known posts marked edited are read in full");
    }
}
