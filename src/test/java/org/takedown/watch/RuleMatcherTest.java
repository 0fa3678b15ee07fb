package org.takedown.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuleMatcherTest {

    private static Optional<String> keyword(String rule, String text) {
        return RuleMatcher.of(WatchRule.Kind.KEYWORD, rule).find(text);
    }

    private static Optional<String> regex(String rule, String text) {
        return RuleMatcher.of(WatchRule.Kind.REGEX, rule).find(text);
    }

    @Test
    void keywordsMatchInAnyCaseAndInUnicodeLookalikeForms() {
        assertTrue(keyword("spoof", "Best SPOOFING service").isPresent());
        assertTrue(keyword("spoof", "Ｓｐｏｏｆ calls here").isPresent(), "full-width letters are the same letters (NFKC)");
        assertTrue(
                keyword("straße", "STRASSE".toLowerCase()).isEmpty(), "no folding beyond case and compatibility forms");
        assertTrue(keyword("ПОДМЕНА", "лучшая подмена номера").isPresent(), "Cyrillic, any case");
        assertTrue(keyword("a.b", "axb").isEmpty(), "a keyword is literal, not a pattern");
        assertTrue(keyword("spoof", "nothing to see").isEmpty());
    }

    @Test
    void regexesAreCaseInsensitiveAndUnicodeAware() {
        assertEquals(
                Optional.of("order at ispoof-new.example today"),
                regex("i?spoof[\\w-]*\\.example", "order at ispoof-new.example today"));
        assertTrue(regex("\\bcall\\w*\\b", "ЗВОНКИ and CALLS").isPresent());
        assertTrue(regex("^\\w+$", "подмена").isPresent(), "\\w covers Cyrillic");
    }

    @Test
    void theExcerptIsTheTextAroundTheMatch() {
        String text = "x".repeat(500) + " NEW DOMAIN fraud-two.example " + "y".repeat(500);
        String excerpt = keyword("fraud-two", text).orElseThrow();
        assertTrue(excerpt.startsWith("…") && excerpt.endsWith("…") && excerpt.contains("fraud-two.example"), excerpt);
        assertTrue(excerpt.length() <= 400, "fits the column: " + excerpt.length());
        assertTrue(regex("x+", "x".repeat(5000)).orElseThrow().length() <= 400, "a long match is clipped too");
    }

    @Test
    void aBadRegexIsRefusedWithItsReason() {
        IllegalArgumentException bad =
                assertThrows(IllegalArgumentException.class, () -> RuleMatcher.of(WatchRule.Kind.REGEX, "(unclosed"));
        assertTrue(bad.getMessage().contains("not a valid regular expression"), bad.getMessage());
    }

    @Test
    void aCatastrophicRegexGivesUpInsteadOfHanging() {
        // Without the budget this runs for longer than anyone would wait (exponential backtracking).
        RuleMatcher evil = RuleMatcher.of(WatchRule.Kind.REGEX, "(x+x+)+y");
        assertThrows(RuleMatcher.TooSlow.class, () -> evil.find("x".repeat(5000)));
    }
}
