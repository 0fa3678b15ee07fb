package org.takedown.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextClipTest {

    private static final String POLICE_CAR = "\uD83D\uDE93";

    @Test
    void aCutThroughASurrogatePairLeavesThePairOutWhole() {
        String text = "abcd" + POLICE_CAR + "ef";
        assertEquals("abcd", TextClip.clip(text, 5));
        assertEquals("abcd" + POLICE_CAR, TextClip.clip(text, 6));
        assertEquals("abc…", TextClip.clipWithEllipsis("abc" + POLICE_CAR + "def", 5));
        assertEquals("abcd…", TextClip.clipWithEllipsis(text, 5));
        for (int max = 0; max <= text.length(); max++) {
            String clipped = TextClip.clip(text, max);
            assertTrue(clipped.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF), "half a pair at " + max);
        }
    }

    @Test
    void textThatFitsIsReturnedAsItIs() {
        assertEquals("short", TextClip.clip("short", 5));
        assertEquals("short", TextClip.clipWithEllipsis("short", 5));
        assertNull(TextClip.clip(null, 5));
    }
}
