package org.takedown.victim.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Typographic characters that word processors put in officer text and that force a whole SMS into UCS-2 (70 characters
 * a part instead of 160): curly quotes, dashes, the ellipsis, unusual spaces. Their GSM forms are suggested to the
 * officer, who sees every replacement before choosing to apply it; nothing is replaced silently.
 */
public final class SmsNormaliser {

    /** One kind of replacement: the character (as {@code U+2019}), what it becomes, and how often it occurs. */
    public record Replacement(String character, String replacement, int count) {}

    /** The text with every replacement applied, and the list of them (empty when nothing would change). */
    public record Suggestion(String text, List<Replacement> replacements) {}

    private static final Map<Character, String> FORMS = Map.ofEntries(
            Map.entry('\u2018', "'"),
            Map.entry('\u2019', "'"),
            Map.entry('\u201A', "'"),
            Map.entry('\u201B', "'"),
            Map.entry('\u2032', "'"),
            Map.entry('\u201C', "\""),
            Map.entry('\u201D', "\""),
            Map.entry('\u201E', "\""),
            Map.entry('\u201F', "\""),
            Map.entry('\u2033', "\""),
            Map.entry('\u2010', "-"),
            Map.entry('\u2011', "-"),
            Map.entry('\u2012', "-"),
            Map.entry('\u2013', "-"),
            Map.entry('\u2014', "-"),
            Map.entry('\u2015', "-"),
            Map.entry('\u2212', "-"),
            Map.entry('\u2026', "..."),
            Map.entry('\u00A0', " "),
            Map.entry('\u2002', " "),
            Map.entry('\u2003', " "),
            Map.entry('\u2007', " "),
            Map.entry('\u2009', " "),
            Map.entry('\u200A', " "),
            Map.entry('\u202F', " "),
            Map.entry('\u200B', ""),
            Map.entry('\uFEFF', ""));

    private SmsNormaliser() {}

    public static Suggestion suggest(String text) {
        StringBuilder out = new StringBuilder(text.length());
        Map<Character, Integer> counts = new TreeMap<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String form = FORMS.get(c);
            if (form == null) {
                out.append(c);
            } else {
                out.append(form);
                counts.merge(c, 1, Integer::sum);
            }
        }
        List<Replacement> replacements = new ArrayList<>();
        counts.forEach((c, n) -> replacements.add(new Replacement(String.format("U+%04X", (int) c), FORMS.get(c), n)));
        return new Suggestion(out.toString(), List.copyOf(replacements));
    }
}
