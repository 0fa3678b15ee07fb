package org.takedown.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CidrTest {

    @Test
    void rangesAreEqualByValueAndPrintTheirRange() {
        assertEquals(Cidr.parse("10.0.0.0/8"), Cidr.parse(" 10.0.0.0 / 8 "));
        assertEquals(
                Cidr.parse("10.0.0.0/8").hashCode(), Cidr.parse("10.0.0.0/8").hashCode());
        assertNotEquals(Cidr.parse("10.0.0.0/8"), Cidr.parse("10.0.0.0/9"));
        assertNotEquals(Cidr.parse("10.0.0.0/8"), Cidr.parse("11.0.0.0/8"));
        assertEquals(1, Set.of(Cidr.parse("fc00::/7")).size());
        assertTrue(Set.of(Cidr.parse("fc00::/7")).contains(Cidr.parse("fc00:0::/7")));
        assertEquals("10.0.0.0/8", Cidr.parse("10.0.0.0/8").toString());
        assertEquals("fc00:0:0:0:0:0:0:0/7", Cidr.parse("fc00::/7").toString());
        assertEquals("0:0:0:0:0:ffff:0:0/96", Cidr.parse("::ffff:0:0/96").toString());
    }

    @Test
    void containsComparesThePrefixBitsOnly() {
        Cidr range = Cidr.parse("100.64.0.0/10");
        assertTrue(range.contains(new byte[] {100, 127, (byte) 255, 1}));
        assertFalse(range.contains(new byte[] {100, (byte) 128, 0, 1}));
        assertFalse(range.contains(new byte[16]));
    }
}
