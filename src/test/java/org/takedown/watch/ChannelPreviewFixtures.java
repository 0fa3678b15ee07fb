package org.takedown.watch;

/**
 * Pages shaped like Telegram's public channel preview ({@code t.me/s/<channel>}), written by the tests: channel
 * header and counters, a history of message bubbles (text with entities and line breaks, forwards, albums, link
 * previews, views, dates, service messages) and the "load older" link.
 */
final class ChannelPreviewFixtures {

    private ChannelPreviewFixtures() {}

    static String page(
            String channel,
            String title,
            String description,
            String subscribers,
            Long olderBefore,
            String... messages) {
        StringBuilder html =
                new StringBuilder("""
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>%s – Telegram</title></head>
                <body class="widget_frame_base tgme_webpreview"><main class="tgme_main"><div class="tgme_container">
                <div class="tgme_channel_info">
                  <div class="tgme_channel_info_header">
                    <i class="tgme_page_photo_image bgcolor3"><img src="https://cdn.example/%s.jpg"></i>
                    <div class="tgme_channel_info_header_title"><span dir="auto">%s</span></div>
                    <div class="tgme_channel_info_header_username"><a href="https://t.me/%s">@%s</a></div>
                  </div>
                  <div class="tgme_channel_info_description">%s</div>
                  <div class="tgme_channel_info_counters">
                    <div class="tgme_channel_info_counter"><span class="counter_value">%s</span> <span class="counter_type">subscribers</span></div>
                    <div class="tgme_channel_info_counter"><span class="counter_value">214</span> <span class="counter_type">photos</span></div>
                    <div class="tgme_channel_info_counter"><span class="counter_value">38</span> <span class="counter_type">links</span></div>
                  </div>
                </div>
                <section class="tgme_channel_history js-message_history">
                """.formatted(title, channel, title, channel, channel, description, subscribers));
        if (olderBefore != null) {
            html.append("<div class=\"tgme_widget_message_centered js-messages_more_wrap\"><a href=\"/s/")
                    .append(channel)
                    .append("?before=")
                    .append(olderBefore)
                    .append("\" class=\"tme_messages_more js-messages_more\" data-before=\"")
                    .append(olderBefore)
                    .append("\"></a></div>\n");
        }
        for (String message : messages) {
            html.append(message).append('\n');
        }
        return html.append("</section></div></main></body></html>").toString();
    }

    /** A text post; {@code extra} goes inside the bubble before the text (forward header, album, media). */
    static String post(
            String channel,
            long id,
            String datetime,
            String views,
            String extraBefore,
            String textHtml,
            String extraAfter) {
        return """
                <div class="tgme_widget_message_wrap js-widget_message_wrap">
                  <div class="tgme_widget_message text_not_supported_wrap js-widget_message" data-post="%s/%d" data-view="eyJjIjo">
                    <div class="tgme_widget_message_user"><a href="https://t.me/%s"><i class="tgme_widget_message_user_photo"></i></a></div>
                    <div class="tgme_widget_message_bubble">
                      <i class="tgme_widget_message_bubble_tail"></i>
                      <div class="tgme_widget_message_author accent_color"><a class="tgme_widget_message_owner_name" href="https://t.me/%s"><span dir="auto">Owner</span></a></div>
                      %s
                      %s
                      %s
                      <div class="tgme_widget_message_footer compact js-message_footer">
                        <div class="tgme_widget_message_info short js-message_info">
                          %s
                          <span class="tgme_widget_message_meta"><a class="tgme_widget_message_date" href="https://t.me/%s/%d"><time datetime="%s" class="time">10:00</time></a></span>
                        </div>
                      </div>
                    </div>
                  </div>
                </div>""".formatted(
                channel,
                id,
                channel,
                channel,
                extraBefore,
                textHtml == null
                        ? ""
                        : "<div class=\"tgme_widget_message_text js-message_text\" dir=\"auto\">" + textHtml + "</div>",
                extraAfter,
                views == null
                        ? ""
                        : "<span class=\"tgme_widget_message_views\">" + views
                                + "</span><span class=\"copyonly\"> views</span>",
                channel,
                id,
                datetime);
    }

    static String forwardedFrom(String name, String url) {
        return "<div class=\"tgme_widget_message_forwarded_from accent_color\">Forwarded from <a class=\"tgme_widget_message_forwarded_from_name\" href=\""
                + url + "\"><span dir=\"auto\">" + name + "</span></a></div>";
    }

    static String album(String channel, long firstId, int photos) {
        StringBuilder html = new StringBuilder(
                "<div class=\"tgme_widget_message_grouped_wrap js-message_grouped_wrap\" data-margin-w=\"2\">"
                        + "<div class=\"tgme_widget_message_grouped js-message_grouped\"><div class=\"tgme_widget_message_grouped_layer js-message_grouped_layer\">");
        for (int i = 0; i < photos; i++) {
            html.append(
                            "<a class=\"tgme_widget_message_photo_wrap grouped_media_wrap blured js-message_photo\" href=\"https://t.me/")
                    .append(channel)
                    .append('/')
                    .append(firstId + i)
                    .append("?single\" style=\"background-image:url('https://cdn.example/")
                    .append(i)
                    .append(".jpg')\"></a>");
        }
        return html.append("</div></div></div>").toString();
    }

    static String video() {
        return "<a class=\"tgme_widget_message_video_player js-message_video_player\" href=\"#\"><i class=\"tgme_widget_message_video_thumb\"></i>"
                + "<div class=\"tgme_widget_message_video_wrap\"><video class=\"tgme_widget_message_video\" src=\"https://cdn.example/v.mp4\"></video></div></a>";
    }

    static String linkPreview(String url, String site, String title, String description) {
        return "<a class=\"tgme_widget_message_link_preview\" href=\"" + url
                + "\"><div class=\"link_preview_site_name accent_color\" dir=\"auto\">"
                + site + "</div><div class=\"link_preview_title\" dir=\"auto\">" + title
                + "</div><div class=\"link_preview_description\" dir=\"auto\">"
                + description + "</div></a>";
    }

    static String service(String channel, long id, String text) {
        return "<div class=\"tgme_widget_message_wrap js-widget_message_wrap\"><div class=\"tgme_widget_message service_message js-widget_message\" data-post=\""
                + channel + "/" + id
                + "\"><div class=\"tgme_widget_message_bubble\"><div class=\"tgme_widget_message_text js-message_text\" dir=\"auto\">"
                + text + "</div></div></div></div>";
    }
}
