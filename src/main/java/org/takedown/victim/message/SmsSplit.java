package org.takedown.victim.message;

import java.util.ArrayList;
import java.util.List;

/**
 * A text as the networks will carry it: its encoding, its length in that encoding's units, and the parts a long
 * message is sent in. A part never ends inside a two-septet extension character or a surrogate pair, so a phone that
 * shows parts before reassembling them never shows half a character; such a part is one unit short.
 */
public record SmsSplit(SmsEncoding encoding, int units, List<String> parts) {

    public static SmsSplit of(String text) {
        SmsEncoding encoding = Gsm7.canWrite(text) ? SmsEncoding.GSM7 : SmsEncoding.UCS2;
        int units = unitsIn(encoding, text);
        if (units <= encoding.single) {
            return new SmsSplit(encoding, units, text.isEmpty() ? List.of() : List.of(text));
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        int filled = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int size = unitsOf(encoding, codePoint);
            if (filled + size > encoding.part) {
                parts.add(text.substring(start, i));
                start = i;
                filled = 0;
            }
            filled += size;
            i += Character.charCount(codePoint);
        }
        parts.add(text.substring(start));
        return new SmsSplit(encoding, units, List.copyOf(parts));
    }

    public int fragments() {
        return parts.size();
    }

    /** Each part's length in the message's units (a part of a UCS-2 message counts in UCS-2 even if GSM could write it). */
    public List<Integer> partUnits() {
        return parts.stream().map(part -> unitsIn(encoding, part)).toList();
    }

    private static int unitsIn(SmsEncoding encoding, String text) {
        int units = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            units += unitsOf(encoding, codePoint);
            i += Character.charCount(codePoint);
        }
        return units;
    }

    private static int unitsOf(SmsEncoding encoding, int codePoint) {
        return encoding == SmsEncoding.GSM7 ? Gsm7.septets(codePoint) : Character.charCount(codePoint);
    }
}
