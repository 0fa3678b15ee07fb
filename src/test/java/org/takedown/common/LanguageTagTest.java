package org.takedown.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageTagTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "en",
                "de",
                "pt-BR",
                "sr-Latn",
                "zh-Hant-TW",
                "es-419",
                "ar",
                "yue",
                "de-CH-1996",
                "en-GB-oxendict"
            })
    void wellFormedTagsAreAccepted(String tag) {
        assertTrue(LanguageTag.Check.isWellFormed(tag), tag);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "en-12",
                "en-abc-defgh-ij",
                "e",
                "en_GB",
                "en-",
                "-en",
                "en--GB",
                "x-klingon",
                "en-GB-",
                "toolongtag",
                "12",
                "en-a-",
                "ü",
                "en GB"
            })
    void tagsTheBcp47ParserRefusesAreRefused(String tag) {
        assertFalse(LanguageTag.Check.isWellFormed(tag), tag);
    }

    @ParameterizedTest
    @CsvSource({"en-gb, en-GB", "PT, pt", "sr-latn, sr-Latn"})
    void acceptedTagsAreStoredCanonically(String typed, String stored) {
        assertEquals(stored, LanguageTag.Check.canonical(typed));
    }
}
