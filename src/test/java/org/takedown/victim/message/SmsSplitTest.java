package org.takedown.victim.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudhopper.commons.charset.GSMCharset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SmsSplitTest {

    private static final GSMCharset INDEPENDENT = new GSMCharset();

    @Test
    void aGsmMessageOf160SeptetsGoesWholeAndOneMoreMakesTwoPartsOf153() {
        SmsSplit whole = SmsSplit.of("a".repeat(160));
        assertEquals(SmsEncoding.GSM7, whole.encoding());
        assertEquals(160, whole.units());
        assertEquals(1, whole.fragments());

        SmsSplit two = SmsSplit.of("a".repeat(161));
        assertEquals(List.of("a".repeat(153), "a".repeat(8)), two.parts());
    }

    @Test
    void extensionCharactersTakeTwoSeptets() {
        SmsSplit split = SmsSplit.of("^{}\\[~]|€");
        assertEquals(SmsEncoding.GSM7, split.encoding());
        assertEquals(18, split.units());
        assertEquals(2, SmsSplit.of("a".repeat(159) + "€").fragments(), "159 + 2 septets is over 160");
        assertEquals(1, SmsSplit.of("a".repeat(158) + "€").fragments());
    }

    @Test
    void anEscapePairIsNeverSplitBetweenParts() {
        SmsSplit split = SmsSplit.of("a".repeat(152) + "€" + "b".repeat(10));
        assertEquals(164, split.units());
        assertEquals(List.of("a".repeat(152), "€" + "b".repeat(10)), split.parts(), "the first part is one short");
    }

    @Test
    void oneCharacterOutsideTheAlphabetMakesTheWholeMessageUcs2() {
        SmsSplit split = SmsSplit.of("Hello Zoë");
        assertEquals(SmsEncoding.UCS2, split.encoding());
        assertEquals(9, split.units());
        assertEquals(SmsEncoding.UCS2, SmsSplit.of("ça").encoding(), "only the capital Ç is in GSM 03.38");
        assertEquals(SmsEncoding.GSM7, SmsSplit.of("Ça").encoding());
        assertEquals(SmsEncoding.UCS2, SmsSplit.of("a\u00A0b").encoding(), "a no-break space is not a GSM space");
        assertEquals(SmsEncoding.UCS2, SmsSplit.of("it’s").encoding(), "a curly apostrophe");
    }

    @Test
    void ucs2MessagesGoWholeUpTo70UnitsAndIn67UnitPartsAfter() {
        assertEquals(1, SmsSplit.of("ж".repeat(70)).fragments());
        SmsSplit two = SmsSplit.of("ж".repeat(71));
        assertEquals(List.of("ж".repeat(67), "ж".repeat(4)), two.parts());
        assertEquals(3, SmsSplit.of("ж".repeat(135)).fragments());
    }

    @Test
    void aSurrogatePairCountsTwoUnitsAndIsNeverSplitBetweenParts() {
        assertEquals(2, SmsSplit.of("😀").units());
        SmsSplit split = SmsSplit.of("ж".repeat(66) + "😀" + "ж".repeat(10));
        assertEquals(78, split.units());
        assertEquals(List.of("ж".repeat(66), "😀" + "ж".repeat(10)), split.parts());
    }

    @Test
    void anEmptyTextHasNoPart() {
        assertEquals(0, SmsSplit.of("").fragments());
    }

    /** Random texts from a pool that mixes the basic table, the extension table and characters GSM-7 lacks. */
    @Test
    void unitsAndPartsAgreeWithAnIndependentGsmEncoderOnRandomTexts() {
        String pool = "aZ09 @£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!\"#¤%&'()*+,-./:;<=>?¡ÄÖÑÜ§¿äöñüà^{}\\[~]|€\f";
        String foreign = "çë’–…жé\u00A0😀🇬🇧";
        Random random = new Random(20221124);
        for (int round = 0; round < 5_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(400);
            boolean gsmOnly = random.nextBoolean();
            for (int i = 0; i < length; i++) {
                if (!gsmOnly && random.nextInt(20) == 0) {
                    int at = foreign.offsetByCodePoints(0, random.nextInt(foreign.codePointCount(0, foreign.length())));
                    text.appendCodePoint(foreign.codePointAt(at));
                } else {
                    text.append(pool.charAt(random.nextInt(pool.length())));
                }
            }
            check(text.toString());
        }
    }

    private static void check(String text) {
        SmsSplit split = SmsSplit.of(text);
        boolean gsm = GSMCharset.canRepresent(text);
        assertEquals(gsm ? SmsEncoding.GSM7 : SmsEncoding.UCS2, split.encoding(), text);
        assertEquals(units(text, gsm), split.units(), text);
        assertEquals(text, String.join("", split.parts()), "the parts are the text");
        if (gsm) {
            assertArrayEquals(INDEPENDENT.encode(text), Gsm7.encode(text), "the septets SMPP carries");
        }
        SmsEncoding encoding = split.encoding();
        if (split.units() <= encoding.single) {
            assertTrue(split.fragments() <= 1);
            return;
        }
        for (int i = 0; i < split.fragments(); i++) {
            String part = split.parts().get(i);
            int units = units(part, gsm);
            assertTrue(units <= encoding.part, "a part fits its " + encoding.part + " units");
            assertTrue(!part.isEmpty() && !Character.isHighSurrogate(part.charAt(part.length() - 1)));
            if (i + 1 < split.fragments()) {
                String next = split.parts().get(i + 1);
                int nextUnits = units(next.substring(0, Character.charCount(next.codePointAt(0))), gsm);
                assertTrue(units + nextUnits > encoding.part, "a part takes all it can");
            }
        }
    }

    private static int units(String text, boolean gsm) {
        return gsm ? INDEPENDENT.encode(text).length : text.getBytes(StandardCharsets.UTF_16BE).length / 2;
    }
}
