package org.takedown.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HostNamesTest {

    @ParameterizedTest
    @CsvSource({
        "Example.COM, example.com",
        "example.com., example.com",
        "spoof-demo.localhost, spoof-demo.localhost",
        "bücher.example, xn--bcher-kva.example",
        "ПРИМЕР.рф, xn--e1afmkfd.xn--p1ai",
        "a.b.c.d.example, a.b.c.d.example",
        "xn--bcher-kva.example, xn--bcher-kva.example"
    })
    void normalisesDomains(String raw, String expected) {
        assertEquals(Optional.of(expected), HostNames.normaliseDomain(raw));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                ".",
                "localhost",
                "127.0.0.1",
                "10.0.0.1",
                "a..b.example",
                "-bad.example",
                "bad-.example",
                "under_score.example",
                "sp ace.example",
                "tab\t.example",
                "new\nline.example",
                "example.com..",
                "http://example.com",
                "example.com/path",
                "example.com:80",
                "user@example.com",
                "*.example.com",
                "exa$mple.com"
            })
    void refusesWhatIsNotADomain(String raw) {
        assertTrue(HostNames.normaliseDomain(raw).isEmpty(), () -> "accepted " + raw);
    }

    @ParameterizedTest
    @ValueSource(ints = {63, 64})
    void labelsAreAtMost63Characters(int length) {
        String host = "a".repeat(length) + ".example";
        assertEquals(length <= 63, HostNames.normaliseDomain(host).isPresent());
    }

    @ParameterizedTest
    @CsvSource({
        "localhost:8080, localhost",
        "LOCALHOST., localhost",
        "Spoof-Demo.Localhost.:80, spoof-demo.localhost",
        "127.0.0.1:8081, 127.0.0.1",
        "[::1]:8080, [::1]",
        "bücher.example, xn--bcher-kva.example"
    })
    void readsHostHeaders(String header, String expected) {
        assertEquals(Optional.of(expected), HostNames.fromHostHeader(header));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "localhost:",
                "localhost:99999",
                "localhost:80:80",
                "localhost:8o",
                "[::1",
                "[::1]x",
                "[::g]",
                "local host",
                "localhost\r\nX-Injected: 1",
                "evil.example@localhost"
            })
    void refusesMalformedHostHeaders(String header) {
        assertTrue(HostNames.fromHostHeader(header).isEmpty(), () -> "accepted " + header);
    }

    /**
     * Where IDNA 2003 ({@code java.net.IDN}) and UTS #46 / IDNA 2008 differ, names are stored as browsers send them; the
     * expected forms are those of Node's {@code url.domainToASCII} (the WHATWG URL Standard, an implementation other
     * than ICU4J's).
     */
    @ParameterizedTest
    @CsvSource({
        "faß.example, xn--fa-hia.example, faß.example",
        "Faß.EXAMPLE, xn--fa-hia.example, faß.example",
        "straße.de, xn--strae-oqa.de, straße.de",
        "βόλος.com, xn--nxasmm1c.com, βόλος.com",
        "ශ්‍රී.com, xn--10cl1a0b660p.com, ශ්‍රී.com",
        "نامه‌ای.com, xn--mgba3gch31f060k.com, نامه‌ای.com",
        "xn--fa-hia.example, xn--fa-hia.example, faß.example",
        "ab--cd.example, ab--cd.example, ab--cd.example",
        "ⓕⓐⓢⓢ.example, fass.example, fass.example"
    })
    void namesAreStoredAndShownAsBrowsersSendThem(String typed, String stored, String shown) {
        assertEquals(Optional.of(stored), HostNames.normaliseDomain(typed));
        assertEquals(Optional.of(stored), HostNames.fromHostHeader(stored + ":8080"));
        assertEquals(shown, HostNames.toDisplay(stored));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a‍b.example", "xn--a.example", "xn--zz-$.example"})
    void namesNoBrowserWouldSendAreRefused(String raw) {
        assertTrue(HostNames.normaliseDomain(raw).isEmpty(), () -> "accepted " + raw);
    }
}
