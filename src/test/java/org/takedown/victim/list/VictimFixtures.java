package org.takedown.victim.list;

import java.util.List;

/**
 * Personal data the victim tests import: numbers in Ofcom's drama range, addresses and names that no test log may
 * carry ({@code LogSecretsIT}).
 */
public final class VictimFixtures {

    /** As they must never appear outside the sealed columns: E.164 and national digits. */
    public static final List<String> NEVER_IN_CLEAR = List.of(
            "+447700900001",
            "7700900001",
            "7700 900001",
            "+447700900002",
            "7700900002",
            "jane@example.org",
            "landline.owner@example.org",
            "Smith, Jane",
            "Zoë Line",
            "Barclays",
            "+447700900003",
            "7700900003",
            "+447624123456",
            "7624123456",
            "other@example.org",
            // a space: sealed values are base64, in which a short word of its letters turns up by chance
            "HSBC UK");

    /**
     * A list as a force receives one: BOM, CRLF, header spellings, a quoted comma, a quoted newline, a formula, one
     * number in five spellings, a row of each refusal, an email-only victim, a Crown dependency, a bad email and a bad
     * language. Rows (the header is row 1): 2 accepted; 3–6 duplicates of 2; 7 accepted; 8–18 refused; 19–21 accepted.
     */
    public static final String MESSY = "\uFEFFMobile Number,E-mail,Full_Name,Language,Bank Impersonated\r\n"
            + "07700 900001,jane@example.org,\"Smith, Jane\",en,Barclays\r\n"
            + "+44 7700 900001,other@example.org,Jane S,en,HSBC UK\r\n"
            + "0044 7700 900001,,,,\r\n"
            + "447700900001,,,,\r\n"
            + "(07700) 900-001,,,,\r\n"
            + "07700 900002,,\"Zoë Line one\r\nline two\",cy,\"=HYPERLINK(\"\"x\"\")\"\r\n"
            + "020 7946 0000,,,,\r\n"
            + "0800 123 4567,,,,\r\n"
            + "0909 879 0000,,,,\r\n"
            + "0303 123 4567,,,,\r\n"
            + "056 1234 5678,,,,\r\n"
            + "07640 123456,,,,\r\n"
            + "070 1234 5678,,,,\r\n"
            + "+33 6 12 34 56 78,,,,\r\n"
            + "not a number,,,,\r\n"
            + "07700 901000,,,,\r\n"
            + ",,,,\r\n"
            + "020 7946 0001,landline.owner@example.org,,,\r\n"
            + "07624 123456,,,,\r\n"
            + "07700 900003,not-an-email,,xx-invalid_lang!,\r\n";

    private VictimFixtures() {}
}
