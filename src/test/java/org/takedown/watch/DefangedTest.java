package org.takedown.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DefangedTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "hxxps://backup-site[.]com/login      | https://backup-site.com/login",
                "hxxp://backup-site[.]com             | http://backup-site.com",
                "HXXPS[:]//mirror[.]example           | https://mirror.example",
                "new site: backup-site(.)com          | new site: backup-site.com",
                "backup-site [dot] com                | backup-site.com",
                "backup-site[DOT]co[.]uk              | backup-site.co.uk",
                "backup-site{.}com                    | backup-site.com",
                "backup-site [ . ] com                | backup-site.com"
            })
    void defangedNamesAreWrittenBack(String written, String meant) {
        assertEquals(meant.strip(), Defanged.refang(written.strip()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain text", "https://example.com", "prices (from $5)", "a [note]", "box xx"})
    void ordinaryTextIsLeftAlone(String text) {
        assertEquals(text, Defanged.refang(text));
    }

    @org.junit.jupiter.api.Test
    void textWithoutBracketsOrXIsTheSameInstance() {
        String text = "nothing here";
        assertSame(text, Defanged.refang(text));
    }
}
