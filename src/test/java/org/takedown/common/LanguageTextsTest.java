package org.takedown.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LanguageTextsTest {

    @Test
    void tagsAreCanonicalAndTheDefaultMustBeAmongThem() {
        LanguageTexts texts = LanguageTexts.of(Map.of("en-gb", "Hello", "cy", "Helo"), "EN-GB");
        assertEquals("en-GB", texts.defaultLanguage());
        assertEquals(Map.of("en-GB", "Hello", "cy", "Helo"), texts.texts());
        assertEquals(
                "texts",
                assertThrows(ProblemException.class, () -> LanguageTexts.of(Map.of("en-gb", "a", "en-GB", "b"), "en"))
                        .errors()
                        .get(0)
                        .field());
        assertEquals(
                "defaultLanguage",
                assertThrows(ProblemException.class, () -> LanguageTexts.of(Map.of("cy", "Helo"), "en"))
                        .errors()
                        .get(0)
                        .field());
    }

    @Test
    void aReaderGetsTheirLanguageElseItsPrimaryElseTheDefault() {
        Map<String, String> available = Map.of("en", "Hello", "cy", "Helo");
        assertEquals("cy", LanguageTexts.pick("cy", available, "en"));
        assertEquals("cy", LanguageTexts.pick("cy-GB", available, "en"));
        assertEquals("en", LanguageTexts.pick("fr", available, "en"));
        assertEquals("en", LanguageTexts.pick(null, available, "en"));
        assertEquals("en", LanguageTexts.pick(" ", available, "en"));
    }
}
