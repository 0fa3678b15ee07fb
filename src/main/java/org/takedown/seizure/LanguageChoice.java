package org.takedown.seizure;

import java.util.List;
import java.util.Locale;

/** Picks the banner language: {@code ?lang=} if offered, else the best {@code Accept-Language} match, else the default. */
final class LanguageChoice {

    private static final int MAX_HEADER = 512;

    private LanguageChoice() {}

    /** @param offered canonical tags the banner has texts for; {@code fallback} is among them */
    static String choose(String requested, String acceptLanguage, List<String> offered, String fallback) {
        if (requested != null) {
            for (String tag : offered) {
                if (tag.equalsIgnoreCase(requested)) {
                    return tag;
                }
            }
        }
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > MAX_HEADER) {
            return fallback;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0 || range.getRange().equals("*")) {
                continue;
            }
            String match = match(range.getRange(), offered);
            if (match != null) {
                return match;
            }
        }
        return fallback;
    }

    /** Exact tag, then the range with subtags dropped (de-CH → de), then another variant of its language (pt-PT → pt-BR). */
    private static String match(String range, List<String> offered) {
        for (String candidate = range; !candidate.isEmpty(); candidate = truncate(candidate)) {
            for (String tag : offered) {
                if (tag.equalsIgnoreCase(candidate)) {
                    return tag;
                }
            }
        }
        String language = Locale.forLanguageTag(range).getLanguage();
        for (String tag : offered) {
            if (!language.isEmpty() && Locale.forLanguageTag(tag).getLanguage().equals(language)) {
                return tag;
            }
        }
        return null;
    }

    private static String truncate(String range) {
        int dash = range.lastIndexOf('-');
        return dash < 0 ? "" : range.substring(0, dash);
    }

    /** The language's own name for itself, e.g. "Deutsch", for the language switcher. */
    static String nativeName(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        String name = locale.getDisplayName(locale);
        return name.isEmpty() ? tag : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }
}
