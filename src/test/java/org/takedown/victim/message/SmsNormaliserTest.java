package org.takedown.victim.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SmsNormaliserTest {

    @Test
    void typographicCharactersAreSuggestedInTheirGsmFormsAndCounted() {
        SmsNormaliser.Suggestion suggestion = SmsNormaliser.suggest("It’s “urgent” – don’t reply…\u00A0ok");
        assertEquals("It's \"urgent\" - don't reply... ok", suggestion.text());
        assertEquals(
                List.of(
                        new SmsNormaliser.Replacement("U+00A0", " ", 1),
                        new SmsNormaliser.Replacement("U+2013", "-", 1),
                        new SmsNormaliser.Replacement("U+2019", "'", 2),
                        new SmsNormaliser.Replacement("U+201C", "\"", 1),
                        new SmsNormaliser.Replacement("U+201D", "\"", 1),
                        new SmsNormaliser.Replacement("U+2026", "...", 1)),
                suggestion.replacements());
        assertEquals(SmsEncoding.UCS2, SmsSplit.of("It’s").encoding());
        assertEquals(SmsEncoding.GSM7, SmsSplit.of(suggestion.text()).encoding(), "the suggestion fits GSM-7");
    }

    @Test
    void textWithNothingToReplaceSuggestsNothing() {
        SmsNormaliser.Suggestion suggestion = SmsNormaliser.suggest("Plain text, Zoë.");
        assertEquals("Plain text, Zoë.", suggestion.text());
        assertEquals(List.of(), suggestion.replacements());
    }
}
