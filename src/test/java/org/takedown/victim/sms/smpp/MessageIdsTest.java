package org.takedown.victim.sms.smpp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MessageIdsTest {

    @Test
    void anIdMatchesItsDecimalAndHexadecimalFormsInAnyCaseWithOrWithoutZeros() {
        assertTrue(MessageIds.same("1a2B", "6699"));
        assertTrue(MessageIds.same("6699", "1A2B"));
        assertTrue(MessageIds.same("00001a2b", "1a2b"));
        assertTrue(MessageIds.same("0000006699", "6699"));
        assertTrue(MessageIds.same("msg-7f", "MSG-7F"));
        assertFalse(MessageIds.same("1a2b", "1a2c"));
        assertFalse(MessageIds.same("msg-7f", "127"));
    }
}
