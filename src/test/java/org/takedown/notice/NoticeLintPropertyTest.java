package org.takedown.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.takedown.operation.Operation;
import org.takedown.support.TelegramHtmlReference;

/**
 * Property: a notice that passes lint is never refused by Telegram for markup or length. Thousands of generated texts
 * (markup characters, emoji, random tags, entities, placeholders; short and over-long) go through the renderer; every
 * message it produces must parse with the independent reference parser and fit in 4096 UTF-16 units.
 */
class NoticeLintPropertyTest {

    static final String[] PIECES = {
        "<",
        ">",
        "&",
        "_",
        "*",
        "[",
        "]",
        "(",
        ")",
        "`",
        "~",
        "\\",
        "\"",
        "'",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        "a",
        "Spoofing",
        "illegal",
        "🚨",
        "👮‍♀️",
        "é",
        "\uD83D",
        "ⅲ",
        "&amp;",
        "&lt;",
        "&gt;",
        "&quot;",
        "&#128680;",
        "&#x1F6A8;",
        "&nbsp;",
        "&",
        "<b>",
        "</b>",
        "<i>",
        "</i>",
        "<u>",
        "</u>",
        "<s>",
        "</s>",
        "<tg-spoiler>",
        "</tg-spoiler>",
        "<span class=\"tg-spoiler\">",
        "</span>",
        "<code>",
        "</code>",
        "<pre>",
        "</pre>",
        "<blockquote>",
        "</blockquote>",
        "<a href=\"https://police.example/verify?ref=X&amp;y=1\">",
        "<a href=\"javascript:x\">",
        "</a>",
        "<script>",
        "<b onclick=1>",
        "{operation}",
        "{reference}",
        "{url}",
        "{unknown}",
        "<br>",
        "</br>",
        "<"
    };

    static NoticeRenderer renderer(String referenceLine, String url) {
        NoticeRenderer renderer = new NoticeRenderer();
        renderer.config = (TelegramConfig) Proxy.newProxyInstance(
                TelegramConfig.class.getClassLoader(),
                new Class<?>[] {TelegramConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "referenceLine" -> referenceLine;
                    case "verificationUrl" -> Optional.ofNullable(url);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return renderer;
    }

    static Operation operation(String name) {
        Operation operation = new Operation();
        operation.name = name;
        operation.codeName = "OP-<&>-1";
        return operation;
    }

    static final String[] SAFE = {
        "_",
        "*",
        "[",
        "]",
        "(",
        ")",
        "`",
        "~",
        "\\",
        "\"",
        "'",
        "#",
        "+",
        "-",
        "=",
        " ",
        " ",
        "\n",
        "\n\n",
        "Spoofing",
        "illegal",
        "🚨",
        "👮‍♀️",
        "é",
        "ⅲ",
        "&amp;",
        "&lt;",
        "&gt;",
        "&quot;",
        "&#128680;",
        "&#x1F6A8;",
        "{operation}",
        "{reference}",
        "{url}",
        "{unknown}"
    };
    static final String[][] TAGS = {
        {"<b>", "</b>"},
        {"<i>", "</i>"},
        {"<u>", "</u>"},
        {"<s>", "</s>"},
        {"<em>", "</em>"},
        {"<tg-spoiler>", "</tg-spoiler>"},
        {"<span class=\"tg-spoiler\">", "</span>"},
        {"<code>", "</code>"},
        {"<pre>", "</pre>"},
        {"<pre><code class=\"language-java\">", "</code></pre>"},
        {"<blockquote>", "</blockquote>"},
        {"<blockquote expandable>", "</blockquote>"},
        {"<a href=\"https://police.example/v?r=1&amp;s=2\">", "</a>"}
    };

    /** 30% random soup of markup pieces; 70% well-formed by construction: safe text in random tags, sometimes very long. */
    static String generate(Random random) {
        StringBuilder text = new StringBuilder();
        if (random.nextInt(10) < 3) {
            int length = random.nextInt(10) == 0 ? 1500 + random.nextInt(3000) : random.nextInt(60);
            while (text.length() < length) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            return text.toString();
        }
        int segments = random.nextInt(8) == 0 ? 200 + random.nextInt(300) : 1 + random.nextInt(12);
        for (int s = 0; s < segments; s++) {
            StringBuilder segment = new StringBuilder();
            for (int w = 1 + random.nextInt(6); w > 0; w--) {
                segment.append(SAFE[random.nextInt(SAFE.length)]);
            }
            if (random.nextInt(3) == 0) {
                String[] tag = TAGS[random.nextInt(TAGS.length)];
                if (segments < 100 && random.nextInt(4) == 0) {
                    String[] inner = TAGS[random.nextInt(TAGS.length)];
                    segment.insert(0, inner[0]).append(inner[1]);
                }
                segment.insert(0, tag[0]).append(tag[1]);
            }
            text.append(segment).append(random.nextBoolean() ? " " : random.nextBoolean() ? "\n" : "\n\n");
        }
        return text.toString();
    }

    @Test
    void whatLintAcceptsTelegramAccepts() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        NoticeRenderer renderer = renderer("Ref: <b>{reference}</b> {url}", "https://police.example/verify?x=<1>&y=2");
        Operation operation = operation("Operation <Switch> & \"Board\" 🚨");
        int accepted = 0;
        int split = 0;
        int captions = 0;
        for (int i = 0; i < 4000; i++) {
            String text = generate(random);
            NoticeOverflow overflow = random.nextBoolean() ? NoticeOverflow.SPLIT : NoticeOverflow.REFUSE;
            boolean photo = random.nextInt(3) == 0;
            NoticeRenderer.Rendered rendered = renderer.render(operation, "en", text, overflow, photo);
            if (!rendered.ok()) {
                continue;
            }
            accepted++;
            split += rendered.messages().size() > 1 ? 1 : 0;
            captions += photo ? 1 : 0;
            for (int m = 0; m < rendered.messages().size(); m++) {
                String message = rendered.messages().get(m);
                int limit = photo && m == 0 ? 1024 : 4096;
                try {
                    String parsed = TelegramHtmlReference.parse(message);
                    assertTrue(
                            parsed.length() <= limit,
                            "too long for " + (limit == 1024 ? "a caption" : "a message") + ": " + parsed.length());
                    assertEquals(rendered.lengths().get(m), parsed.length(), "lint and Telegram count the same length");
                } catch (TelegramHtmlReference.Refused refused) {
                    fail("seed " + seed + ": lint accepted a message Telegram refuses (" + refused.getMessage() + "):\n"
                            + message);
                }
            }
        }
        assertTrue(
                accepted > 1000, "the generator must produce enough acceptable texts to mean something: " + accepted);
        assertTrue(split > 10, "and some over-long ones that were split: " + split);
        assertTrue(captions > 300, "and photo captions: " + captions);
    }

    @Test
    void placeholderValuesCannotBreakTheMarkup() {
        NoticeRenderer renderer = renderer("Reference {reference}", null);
        NoticeRenderer.Rendered rendered = renderer.render(
                operation("</b><script>alert(1)</script> & <a href=x>"),
                "en",
                "<b>{operation}</b> said {url}",
                NoticeOverflow.REFUSE,
                false);
        assertTrue(rendered.ok(), rendered.problems().toString());
        // The operation's name is isolated (U+2068 ... U+2069): bidirectional controls around it cannot reorder it.
        assertEquals(
                "\u2068</b><script>alert(1)</script> & <a href=x>\u2069 said \n\nReference OP-<&>-1",
                TelegramHtmlReference.parse(rendered.messages().get(0)));
    }

    @Test
    void overLongTextsAreRefusedUnlessSplittingIsChosen() {
        NoticeRenderer renderer = renderer("Reference {reference}", null);
        String text = "Using spoofing services for criminal purposes is illegal. ".repeat(100);
        NoticeRenderer.Rendered refused = renderer.render(operation("Op"), "en", text, NoticeOverflow.REFUSE, false);
        assertTrue(
                !refused.ok() && refused.problems().get(0).contains("shorten it or choose overflow SPLIT"),
                refused.problems().toString());
        NoticeRenderer.Rendered split = renderer.render(operation("Op"), "en", text, NoticeOverflow.SPLIT, false);
        assertEquals(2, split.messages().size());
        assertTrue(
                split.messages().stream().allMatch(m -> m.endsWith("Reference OP-&lt;&amp;&gt;-1")),
                "every part carries the reference");
        assertTrue(List.copyOf(split.lengths()).stream().allMatch(l -> l <= 4096));
    }

    @Test
    void withAnImageTheFirstPartIsACaptionOfAtMost1024() {
        NoticeRenderer renderer = renderer("Reference {reference}", null);
        String text = "Using spoofing services for criminal purposes is illegal. ".repeat(30); // 1,740 characters
        assertTrue(
                renderer.render(operation("Op"), "en", text, NoticeOverflow.REFUSE, false)
                        .ok(),
                "fits one message");
        NoticeRenderer.Rendered refused = renderer.render(operation("Op"), "en", text, NoticeOverflow.REFUSE, true);
        assertTrue(
                !refused.ok()
                        && refused.problems().get(0).contains("a photo caption")
                        && refused.problems().get(0).contains("remove the image"),
                refused.problems().toString());
        NoticeRenderer.Rendered split = renderer.render(operation("Op"), "en", text, NoticeOverflow.SPLIT, true);
        assertTrue(split.ok() && split.photo(), split.problems().toString());
        assertEquals(2, split.messages().size());
        assertTrue(
                split.lengths().get(0) <= 1024 && split.lengths().get(0) > 900,
                "the caption is filled: " + split.lengths());
        assertEquals(
                text.strip().length() + 2 * "\n\nReference OP-<&>-1".length(),
                split.lengths().get(0) + split.lengths().get(1) + 1,
                "nothing lost: the parts add up to the text (one space at the split) and a reference line each");
    }
}
