package org.takedown.victim.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SenderIdTest {

    @Test
    void operatorsRulesForAlphanumericSenders() {
        for (String good : new String[] {"MetPolice", "Met Police", "NCA", "A&B_Police", "Op.Elab-1", "ABCDEFGHIJK"}) {
            assertEquals(Optional.empty(), SenderId.problem(good), good);
        }
        for (String bad : new String[] {"AB", "ABCDEFGHIJKL", "Met!Police", "Mét", "", " ", "0012Police", "12345678"}) {
            assertTrue(SenderId.problem(bad).isPresent(), bad);
        }
        assertTrue(SenderId.problem(null).isPresent());
    }

    @Test
    void genericWordsAreRefusedWhateverTheirSpelling() {
        for (String generic : new String[] {"SMS", "info", "Alert", "VERIFY", "Veri-fy", "no reply"}) {
            assertTrue(SenderId.problem(generic).orElseThrow().contains("generic"), generic);
        }
    }

    @Test
    void aUkMobileNumberOrAShortCodeIsASender() {
        assertEquals(Optional.empty(), SenderId.problem("447700900123"));
        assertEquals(Optional.empty(), SenderId.problem("+447700900123"));
        assertEquals(Optional.empty(), SenderId.problem("07700900123"));
        assertEquals(Optional.empty(), SenderId.problem("60006"));
        assertTrue(SenderId.problem("02079460000").isPresent(), "a landline cannot send");
    }
}
