package org.takedown.common;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * What officer text may hold, checked the same way at every door (JSON bodies, forms, query and path parameters).
 * <ul>
 * <li>Everywhere: no NUL or other C0 control but tab and line breaks, no DEL or C1 control, no unpaired surrogate.
 * PostgreSQL refuses NUL (a 500 instead of a 400) and stores an unpaired surrogate as {@code ?}; H2 would keep them
 * both; none has a meaning in a name, a warning or a search.</li>
 * <li>In single-line identifiers and names (references, titles, agency names): no line break, tab or bidirectional
 * control either. Such a control reorders the text the application writes around the value (an approver would read
 * another reference than the one stored); a name never needs one.</li>
 * <li>In text that is sent as it is (Telegram, SMS): every embedding, override and isolate closed in the paragraph
 * that opened it, so nothing the application adds after it is reordered.</li>
 * </ul>
 * Wherever officer text is shown among the application's own words it is isolated as well ({@code <bdi>} in pages,
 * {@link #isolate} in plain text), so text stored before these rules cannot reorder anything either.
 */
public final class OfficerText {

    /** First strong isolate and pop directional isolate: the plain-text form of {@code <bdi>}. */
    public static final char FSI = '\u2068';

    public static final char PDI = '\u2069';

    private OfficerText() {}

    /** Why {@code text} cannot be accepted anywhere, or empty. */
    public static Optional<String> refusal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("must not contain an unpaired surrogate (" + codePoint(c) + ")");
            } else if (isControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return Optional.of("must not contain the control character " + codePoint(c));
            }
        }
        return Optional.empty();
    }

    /** Why {@code text} cannot be a single-line identifier or name, or empty. */
    public static Optional<String> singleLineRefusal(String text) {
        Optional<String> refusal = refusal(text);
        if (refusal.isPresent() || text == null) {
            return refusal;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
                return Optional.of("must be a single line");
            }
            if (c == '\t') {
                return Optional.of("must not contain a tab");
            }
            if (isBidiControl(c)) {
                return Optional.of("must not contain the bidirectional control " + codePoint(c)
                        + ": it would reorder the text shown around it");
            }
        }
        return Optional.empty();
    }

    /**
     * Why the bidirectional controls of {@code text} would reorder what follows it, or empty: an embedding or override
     * (U+202A–U+202E) not closed by U+202C, or an isolate (U+2066–U+2068) not closed by U+2069, in the paragraph that
     * opened it; or a closing control without its opening one.
     */
    public static Optional<String> unbalancedBidi(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Deque<Character> open = new ArrayDeque<>();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            if (c == '\n'
                    || c == '\r'
                    || c == '\u2029'
                    || c == '\u0085'
                    || c == '\u001c'
                    || c == '\u001d'
                    || c == '\u001e') {
                if (!open.isEmpty()) {
                    return Optional.of("opens the bidirectional control " + codePoint(open.peek())
                            + " without closing it in the same paragraph: it would reorder the text after it");
                }
            } else if (c >= '\u202a' && c <= '\u202e' && c != '\u202c' || c >= '\u2066' && c <= '\u2068') {
                open.push(c);
            } else if (c == '\u202c' || c == PDI) {
                boolean isolate = c == PDI;
                if (open.isEmpty() || isIsolate(open.peek()) != isolate) {
                    return Optional.of("closes a bidirectional control (" + codePoint(c) + ") that is not open");
                }
                open.pop();
            }
        }
        return Optional.empty();
    }

    /**
     * {@code value} between FSI and PDI: shown in its own direction, without reordering the text around it. Embeddings,
     * overrides and isolates inside the value are left out first (a PDI in it would close the isolate early); the marks
     * LRM, RLM and ALM stay, as they reach nothing outside.
     */
    public static String isolate(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        StringBuilder isolated = new StringBuilder(value.length() + 2).append(FSI);
        value.chars()
                .filter(c -> !(c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069))
                .forEach(c -> isolated.append((char) c));
        return isolated.append(PDI).toString();
    }

    /** U+202A–U+202E (embeddings, overrides), U+2066–U+2069 (isolates), LRM, RLM and the Arabic letter mark. */
    public static boolean isBidiControl(int c) {
        return c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069 || c == 0x200e || c == 0x200f || c == 0x061c;
    }

    /** C0, DEL and C1 controls. */
    private static boolean isControl(char c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f;
    }

    private static boolean isIsolate(char c) {
        return c >= '\u2066' && c <= '\u2068';
    }

    private static String codePoint(int c) {
        return String.format("U+%04X", c);
    }
}
