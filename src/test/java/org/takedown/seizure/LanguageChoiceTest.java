package org.takedown.seizure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageChoiceTest {

    static final List<String> OFFERED = List.of("ar", "de", "en", "pt-BR");

    @ParameterizedTest(name = "lang={0} Accept-Language={1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "     | de                           | de",
                "     | fr, de;q=0.8, en;q=0.9       | en",
                "     | de-CH                        | de",
                "     | pt                           | pt-BR",
                "     | pt-PT, en;q=0.1              | pt-BR",
                "     | fr, ja                       | en",
                "     | de;q=0, en;q=0.5             | en",
                "     | *                            | en",
                "     | '*, de;q=0.5'                | de",
                "     | not a header!!               | en",
                "     | ''                           | en",
                "ar   | de                           | ar",
                "AR   | de                           | ar",
                "pt-br| de                           | pt-BR",
                "xx   | de                           | de",
                "<script>| de                        | de"
            })
    void choosesTheBestOfferedLanguage(String requested, String acceptLanguage, String expected) {
        assertEquals(expected, LanguageChoice.choose(requested, acceptLanguage, OFFERED, "en"));
    }

    @Test
    void anOverlongHeaderFallsBackToTheDefault() {
        assertEquals("en", LanguageChoice.choose(null, "de," + "x-a;q=0.1,".repeat(200), OFFERED, "en"));
    }

    @Test
    void languagesAreNamedInThemselves() {
        assertEquals("Deutsch", LanguageChoice.nativeName("de"));
        assertEquals("العربية", LanguageChoice.nativeName("ar"));
    }
}
