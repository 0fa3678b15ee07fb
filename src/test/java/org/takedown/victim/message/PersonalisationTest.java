package org.takedown.victim.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersonalisationTest {

    @Test
    void placeholdersAreFoundInOrderOfName() {
        assertEquals(
                List.of("bank", "name", "reference"),
                List.copyOf(Personalisation.placeholders("Hi {name}, {bank} ({reference}) {Not} {1x} {bank}")));
    }

    @Test
    void valuesAreFilledOnceAsDataAndEmptyOnesTakeTheirFallback() {
        String text = "Hi {name}, your bank {bank} was copied. Ref {reference}. {other}";
        Map<String, String> fallbacks = Map.of("name", "there", "bank", "your bank");
        assertEquals(
                "Hi Jane Doe, your bank {reference} was copied. Ref ELABORATE. {other}",
                Personalisation.render(
                        text, "ELABORATE", Map.of("name", " Jane\n  Doe ", "bank", "{reference}"), fallbacks));
        assertEquals(
                "Hi there, your bank your bank was copied. Ref ELABORATE. {other}",
                Personalisation.render(text, "ELABORATE", Map.of("name", "  ", "bank", ""), fallbacks));
    }
}
