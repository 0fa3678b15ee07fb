package org.takedown.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OfficerTextTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a\u0000b",
                "\u0001",
                "bell\u0007",
                "esc\u001b[31m",
                "del\u007f",
                "c1\u0085",
                "c1\u009b",
                "lone \ud800 high",
                "lone \udc00 low",
                "reversed \udc00\ud800 pair",
                "ends high \ud83d"
            })
    void controlsAndUnpairedSurrogatesAreRefusedEverywhere(String text) {
        assertTrue(OfficerText.refusal(text).isPresent(), text);
        assertTrue(OfficerText.singleLineRefusal(text).isPresent(), text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "plain",
                "tab\there",
                "two\nlines",
                "windows\r\nline",
                "emoji \ud83d\ude93 pair",
                "عربى \u200f mark",
                "\u202eoverride\u202c",
                "",
                "ß ς ‍ zwj"
            })
    void ordinaryTextMayHoldTabsLineBreaksAndBidiControls(String text) {
        assertEquals(Optional.empty(), OfficerText.refusal(text));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "two\nlines",
                "tab\tbetween",
                "cr\rhere",
                "sep\u2028",
                "para\u2029",
                "\u202eEGAKCAB-FER",
                "ref \u2066isolated\u2069",
                "mark\u200e",
                "mark\u200f",
                "arabic mark\u061c",
                "embed\u202a"
            })
    void singleLineNamesRefuseBreaksTabsAndEveryBidiControl(String text) {
        assertTrue(OfficerText.singleLineRefusal(text).isPresent(), text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\u202eopen",
                "\u2067open isolate",
                "\u202e closed only\n on the next line \u202c",
                "\u202c closes nothing",
                "\u2069 closes nothing",
                "\u2067 crossed \u202c",
                "\u202b nested \u2066 \u202c \u2069"
            })
    void bidiControlsMustBeClosedInTheirParagraph(String text) {
        assertTrue(OfficerText.unbalancedBidi(text).isPresent(), text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "none",
                "\u202eclosed\u202c",
                "\u2067isolated\u2069 and \u2068first strong\u2069",
                "\u202b nested \u2066 inner \u2069 \u202c",
                "line one \u200f\nline two"
            })
    void balancedBidiControlsArePermitted(String text) {
        assertEquals(Optional.empty(), OfficerText.unbalancedBidi(text));
    }

    @org.junit.jupiter.api.Test
    void isolateWrapsAValueInFirstStrongIsolateAndPop() {
        assertEquals("\u2068example.com\u2069", OfficerText.isolate("example.com"));
        assertEquals("", OfficerText.isolate(""));
        // A PDI inside would close the isolate early and let the override after it escape: controls are left out.
        assertEquals("\u2068name\u202e-tail\u2069".replace("\u202e", ""), OfficerText.isolate("name\u2069\u202e-tail"));
        assertEquals(
                "\u2068ok \u200f mark\u2069",
                OfficerText.isolate("ok \u200f mark"),
                "marks reach nothing outside: kept");
    }
}
