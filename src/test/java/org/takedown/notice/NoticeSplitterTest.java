package org.takedown.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NoticeSplitterTest {

    static void assertValidParts(List<String> parts, int limit) {
        for (String part : parts) {
            TelegramHtml.Parsed parsed = TelegramHtml.parse(part);
            assertTrue(parsed.ok(), part + " " + parsed.problems());
            assertTrue(parsed.length() <= limit, parsed.length() + " > " + limit);
        }
    }

    @Test
    void prefersParagraphsThenLinesThenSpaces() {
        assertEquals(
                List.of("first paragraph", "second paragraph"),
                NoticeSplitter.split("first paragraph\n\nsecond paragraph", 20).orElseThrow());
        assertEquals(
                List.of("line one\nline two", "line three"),
                NoticeSplitter.split("line one\nline two\nline three", 18).orElseThrow());
        assertEquals(
                List.of("one two three", "four five"),
                NoticeSplitter.split("one two three four five", 14).orElseThrow());
    }

    @Test
    void neverSplitsInsideMarkupAndCountsEntitiesAsOneCharacter() {
        String html = "<b>bold words here</b> tail &amp; more";
        List<String> parts = NoticeSplitter.split(html, 18).orElseThrow();
        assertEquals(List.of("<b>bold words here</b>", "tail &amp; more"), parts);
        assertValidParts(parts, 18);
        assertTrue(
                NoticeSplitter.split("<b>" + "x ".repeat(50) + "</b>", 40).isEmpty(),
                "a formatted passage longer than a message");
        assertTrue(NoticeSplitter.split("y".repeat(50), 40).isEmpty(), "a word longer than a message");
    }

    @Test
    void longTextsBecomeValidPartsThatKeepEveryWord() {
        StringBuilder text = new StringBuilder();
        for (int p = 0; p < 30; p++) {
            text.append("<b>Paragraph ").append(p).append("</b> ");
            text.append("Using spoofing services for criminal purposes is illegal &amp; punished. ".repeat(8))
                    .append("\n\n");
        }
        List<String> parts = NoticeSplitter.split(text.toString().strip(), 4000).orElseThrow();
        assertTrue(parts.size() > 1);
        assertValidParts(parts, 4000);
        String joined = String.join(" ", parts).replaceAll("\\s+", " ");
        assertEquals(text.toString().strip().replaceAll("\\s+", " "), joined);
    }
}
