package org.takedown.watch;

import java.text.Normalizer;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.takedown.common.TextClip;

/**
 * A rule ready to run on text the fraudsters wrote: case-insensitive and Unicode-aware (both sides in NFKC, so
 * full-width or styled letters match plain ones), and within a time budget, because an officer's regex may
 * backtrack catastrophically on text crafted against it. Over budget, the match is abandoned, not waited for.
 */
final class RuleMatcher {

    static final Duration BUDGET = Duration.ofMillis(50);
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
    private static final int AROUND = 80;
    private static final int MAX_EXCERPT = 400;

    /** Matching took longer than the budget. */
    static final class TooSlow extends RuntimeException {
        TooSlow() {
            super("the rule took longer than " + BUDGET.toMillis() + " ms", null, false, false);
        }
    }

    private final Pattern pattern;

    private RuleMatcher(Pattern pattern) {
        this.pattern = pattern;
    }

    /** The compiled rule, or an IllegalArgumentException saying what is wrong with it. */
    static RuleMatcher of(WatchRule.Kind kind, String rule) {
        String normal = Normalizer.normalize(rule.strip(), Normalizer.Form.NFKC);
        if (kind == WatchRule.Kind.KEYWORD) {
            return new RuleMatcher(Pattern.compile(Pattern.quote(normal), FLAGS));
        }
        try {
            return new RuleMatcher(Pattern.compile(normal, FLAGS));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    "not a valid regular expression: " + e.getDescription() + " near index " + e.getIndex());
        }
    }

    /** The text around the first match, or empty; {@link TooSlow} when the budget ran out. */
    Optional<String> find(String text) {
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC);
        Matcher matcher = pattern.matcher(new Bounded(normal, System.nanoTime() + BUDGET.toNanos()));
        if (!matcher.find()) {
            return Optional.empty();
        }
        int from = Math.max(0, matcher.start() - AROUND);
        int to = Math.min(normal.length(), matcher.end() + AROUND);
        String excerpt = (from > 0 ? "…" : "") + normal.substring(from, to).strip() + (to < normal.length() ? "…" : "");
        return Optional.of(TextClip.clipWithEllipsis(excerpt, MAX_EXCERPT));
    }

    /** Text that stops the matcher once the deadline has passed (the regex engine reads it through charAt). */
    private record Bounded(CharSequence text, long deadline) implements CharSequence {

        @Override
        public char charAt(int index) {
            if (System.nanoTime() > deadline) {
                throw new TooSlow();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Bounded(text.subSequence(start, end), deadline);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
