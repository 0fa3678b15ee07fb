package org.takedown.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    static final Map<String, String> VALUES =
            Map.of("domain", "spoof.example", "operation", "Op {date}", "date", "1 May 2026");

    @Test
    void fillsOnlyKnownNamesAndNeverRecursively() {
        assertEquals(
                "spoof.example seized on 1 May 2026 in Op {date}",
                Placeholders.fill("{domain} seized on {date} in {operation}", VALUES));
        assertEquals(
                "{unknown} {config:x} {} { domain } {domain",
                Placeholders.fill("{unknown} {config:x} {} { domain } {domain", VALUES));
        assertEquals("{spoof.example}", Placeholders.fill("{{domain}}", VALUES));
        assertNull(Placeholders.fill(null, VALUES));
    }
}
