package org.takedown.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AuthThrottleTest {

    @Test
    void anIpv6ClientCountsAsItsSlash64AndAnIpv4ClientAsItself() {
        assertEquals("20010db8000000aa::/64", AuthThrottle.network("2001:db8:0:aa::1"));
        assertEquals(AuthThrottle.network("2001:db8:0:aa::1"), AuthThrottle.network("2001:db8:0:aa:ffff:1:2:3"));
        assertEquals("20010db8000000aa::/64", AuthThrottle.network("[2001:db8:0:aa::9]"));
        assertEquals("192.0.2.7", AuthThrottle.network("192.0.2.7"));
        assertEquals("unknown", AuthThrottle.network("unknown"));
    }
}
