package org.takedown.victim.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PhishingLintTest {

    private static final Set<String> OFFICIAL = Set.of("met.police.uk", "actionfraud.police.uk");

    private static List<String> lint(String text) {
        return PhishingLint.problems(text, OFFICIAL, "GB");
    }

    @Test
    void theMetsOwnWordingPasses() {
        assertEquals(
                List.of(),
                lint("The Met Police has taken down a website used to defraud you. Your bank is {bank}. Read more"
                        + " at met.police.uk/elaborate or report at actionfraud.police.uk. Ref: ELABORATE, 24 Nov 2022"
                        + " at 10:30, £1,250,000 lost, case 2022/1234. e.g. the card"));
    }

    @Test
    void linksAreErrorsWhateverTheirDomain() {
        assertTrue(lint("See https://met.police.uk/elaborate").get(0).contains("link"));
        assertTrue(lint("See HTTP://example.org").get(0).contains("link"));
        assertTrue(lint("Mail mailto:someone").get(0).contains("link"));
        assertTrue(lint("Call tel:999").get(0).contains("link"));
        assertTrue(lint("See www.met.police.uk").get(0).contains("www."));
        assertTrue(lint("See 192.168.10.1/login").get(0).contains("IP address"));
    }

    @Test
    void domainsThatAreNotOfficialAreErrorsAndShortenersAreNamed() {
        assertEquals(List.of("holds a URL shortener (bit.ly)"), lint("Go to bit.ly/abc"));
        assertTrue(lint("Check met-police.uk.example.com now").get(0).contains("met-police.uk.example.com"));
        assertTrue(lint("Visit metpolice-refund.co.uk").get(0).contains("not one of the force's official"));
        assertTrue(lint("Look-alike met.police.uk.evil.io").get(0).contains("met.police.uk.evil.io"));
        assertTrue(lint("Unicode dоmain.com with a Cyrillic о").get(0).contains("dоmain.com"));
        assertEquals(List.of(), lint("Subdomain news.met.police.uk/x is official"));
    }

    @Test
    void phoneNumbersAreErrorsInAnySpelling() {
        for (String text : new String[] {
            "Call 0300 123 2040 now", "Call +44 20 7946 0000", "Ring (020) 7946-0000", "Text 07700900123"
        }) {
            assertTrue(lint(text).stream().anyMatch(p -> p.contains("phone number")), text);
        }
    }

    @Test
    void aFullStopWithoutASpaceAfterItReadsAsADomain() {
        assertTrue(lint("Dear Mr.Smith").get(0).contains("Mr.Smith"));
    }

    @Test
    void withoutOfficialDomainsEveryDomainIsAnError() {
        assertEquals(
                1,
                PhishingLint.problems("met.police.uk/elaborate", Set.of(), "GB").size());
    }
}
