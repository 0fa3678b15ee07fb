package org.takedown.common;

import java.util.Locale;
import java.util.Set;

/** Which way a language is written, from its BCP 47 tag: its script if it names one, else its language. */
public final class WritingDirection {

    private static final Set<String> RTL_LANGUAGES =
            Set.of("ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ps", "sd", "syr", "ug", "ur", "yi");
    private static final Set<String> RTL_SCRIPTS = Set.of("Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm", "Rohg");

    private WritingDirection() {}

    public static boolean isRightToLeft(String tag) {
        if (tag == null || tag.isBlank()) {
            return false;
        }
        Locale locale = Locale.forLanguageTag(tag.strip());
        return RTL_SCRIPTS.contains(locale.getScript())
                || locale.getScript().isEmpty() && RTL_LANGUAGES.contains(locale.getLanguage());
    }

    /**
     * The {@code dir} attribute for text in this language: {@code rtl} for a right-to-left one, else {@code auto} (the
     * browser follows the text's first strong character; a field of unknown language is never forced left-to-right).
     */
    public static String attributeFor(String tag) {
        return isRightToLeft(tag) ? "rtl" : "auto";
    }
}
