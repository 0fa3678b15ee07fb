package org.takedown.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TelegramHtmlTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "plain text                                             | plain text",
                "<b>bold</b> and <i>italic</i>                          | bold and italic",
                "<strong><em><u>nested</u></em></strong>                | nested",
                "<a href=\"https://police.example/verify?ref=A&amp;x=1\">check</a> | check",
                "<span class=\"tg-spoiler\">hidden</span>               | hidden",
                "<tg-spoiler>hidden</tg-spoiler>                        | hidden",
                "<pre><code class=\"language-java\">x &lt; y</code></pre> | x < y",
                "<blockquote expandable>quote</blockquote>              | quote",
                "<tg-emoji emoji-id=\"5368324170671202286\">\uD83D\uDC4D</tg-emoji> | \uD83D\uDC4D",
                "5 &gt; 4 &amp; 3 &lt; 4 &quot;ok&quot;                 | 5 > 4 & 3 < 4 \"ok\"",
                "&#128680; &#x1F6A8;                                    | \uD83D\uDEA8 \uD83D\uDEA8",
                "_*[]()~`#+-={}.!                                       | _*[]()~`#+-={}.!",
                "<B>upper case tags</B>                                 | upper case tags"
            })
    void acceptsWhatTelegramAccepts(String html, String text) {
        TelegramHtml.Parsed parsed = TelegramHtml.parse(html.strip());
        assertTrue(parsed.ok(), parsed.problems().toString());
        assertEquals(text.strip(), parsed.text());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a < b",
                "a > b",
                "fish & chips",
                "&nbsp;",
                "&#0;",
                "<script>x</script>",
                "<b>unclosed",
                "<b><i>crossed</b></i>",
                "closed</b>",
                "<a>no href</a>",
                "<a href=\"javascript:alert(1)\">x</a>",
                "<a href=\"ftp://x.example\">x</a>",
                "<span>no class</span>",
                "<code class=\"language-java\">outside pre</code>",
                "<code><b>bold in code</b></code>",
                "<pre><i>italic in pre</i></pre>",
                "<a href=\"https://a.example\"><a href=\"https://b.example\">x</a></a>",
                "<blockquote><blockquote>x</blockquote></blockquote>",
                "<b onclick=\"x\">attr</b>",
                "<br/>",
                "<img src=x>",
                "   ",
                "<b></b>",
                "<tg-emoji>\uD83D\uDE00</tg-emoji>",
                "<tg-emoji emoji-id=\"smile\">\uD83D\uDE00</tg-emoji>",
                "<tg-emoji emoji-id=\"1\" class=\"x\">\uD83D\uDE00</tg-emoji>"
            })
    void refusesWhatTelegramRefuses(String html) {
        assertFalse(TelegramHtml.parse(html).ok(), html);
    }

    @ParameterizedTest
    @CsvSource({"abc, 3", "'\uD83D\uDEA8', 2", "&amp;&lt;, 2", "<b>x</b>, 1", "'👮‍♀️', 5"})
    void lengthIsInUtf16UnitsAfterParsing(String html, int length) {
        assertEquals(length, TelegramHtml.parse(html).length());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"<b> | &lt;b&gt;", "a&b \"q\" | a&amp;b &quot;q&quot;", "plain | plain"})
    void escapesPlainText(String raw, String escaped) {
        assertEquals(escaped, TelegramHtml.escape(raw));
        assertEquals(raw, TelegramHtml.parse(escaped).text());
    }
}
