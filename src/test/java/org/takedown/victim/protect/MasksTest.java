package org.takedown.victim.protect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MasksTest {

    @Test
    void aPhoneShowsItsCountryItsFirstDigitAndItsLastThree() {
        assertEquals("+44 7••• •••456", Masks.phone(44, "7700900456"));
        assertEquals("+33 6••• ••678", Masks.phone(33, "612345678"));
        assertEquals("+49 1••• ••••789", Masks.phone(49, "15123456789"));
        assertEquals("+44 ••••", Masks.phone(44, "1234"));
    }

    @Test
    void anEmailShowsFirstLettersAndTheTopLevelDomain() {
        assertEquals("j•••@e•••.uk", Masks.email("jane.smith@example.co.uk"));
        assertEquals("x•••@l•••", Masks.email("x@localhost"));
    }
}
