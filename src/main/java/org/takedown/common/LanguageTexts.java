package org.takedown.common;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Officer text in several languages, one of them the default: the form notices and campaigns share. Tags are stored
 * canonical ({@code en-GB}), so {@code en-gb} and {@code en-GB} are one language.
 */
public record LanguageTexts(String defaultLanguage, Map<String, String> texts) {

    /** The texts under canonical tags; a 400 naming the field when a language is given twice or the default is absent. */
    public static LanguageTexts of(Map<String, String> texts, String defaultLanguage) {
        Map<String, String> canonical = new TreeMap<>();
        texts.forEach((language, text) -> {
            if (canonical.put(LanguageTag.Check.canonical(language), text) != null) {
                throw ProblemException.invalidField(400, "texts", "language " + language + " is given twice");
            }
        });
        String fallback = LanguageTag.Check.canonical(defaultLanguage);
        if (!canonical.containsKey(fallback)) {
            throw ProblemException.invalidField(400, "defaultLanguage", "must be one of the languages in texts");
        }
        return new LanguageTexts(fallback, canonical);
    }

    /**
     * The language a reader who wants {@code wanted} gets from {@code available}: that one, else its primary language
     * ({@code de} for {@code de-AT}), else {@code defaultLanguage}.
     */
    public static String pick(String wanted, Map<String, String> available, String defaultLanguage) {
        if (wanted == null || wanted.isBlank()) {
            return defaultLanguage;
        }
        if (available.containsKey(wanted)) {
            return wanted;
        }
        String primary = Locale.forLanguageTag(wanted).getLanguage();
        return available.containsKey(primary) ? primary : defaultLanguage;
    }
}
