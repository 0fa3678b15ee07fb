package org.takedown.victim.message;

import java.util.Arrays;

/**
 * The GSM 03.38 default alphabet and its extension table, as UK networks use them (no national language shift
 * tables). An extension character is written as the escape septet and one more: two septets.
 */
public final class Gsm7 {

    /** The basic table in septet order; 0x1B (the escape) is no character: a no-break space holds its place. */
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u00A0ÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private static final String EXTENSION = "\f^{}\\[~]|€";
    /** The septet after the escape for each character of {@link #EXTENSION}, in the same order. */
    private static final byte[] EXTENSION_CODES = {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};

    private static final byte ESCAPE = 0x1B;

    static {
        if (BASIC.length() != 128) {
            throw new IllegalStateException("the GSM 03.38 basic table has 128 septets, not " + BASIC.length());
        }
    }

    private Gsm7() {}

    /** Septets the code point takes: 1 in the basic table, 2 in the extension table, 0 when GSM-7 cannot write it. */
    static int septets(int codePoint) {
        if (codePoint == '\u00A0' || codePoint > 0xFFFF) {
            return 0;
        }
        if (BASIC.indexOf(codePoint) >= 0) {
            return 1;
        }
        return EXTENSION.indexOf(codePoint) >= 0 ? 2 : 0;
    }

    /**
     * The text as unpacked septets, one per byte (the SMSC default alphabet as SMPP carries it in {@code short_message}
     * with {@code data_coding} 0); an extension character is the escape and its code.
     */
    public static byte[] encode(String text) {
        byte[] out = new byte[text.length() * 2];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int basic = c == '\u00A0' ? -1 : BASIC.indexOf(c);
            if (basic >= 0) {
                out[n++] = (byte) basic;
                continue;
            }
            int extension = EXTENSION.indexOf(c);
            if (extension < 0) {
                throw new IllegalArgumentException("GSM 03.38 cannot write U+" + Integer.toHexString(c));
            }
            out[n++] = ESCAPE;
            out[n++] = EXTENSION_CODES[extension];
        }
        return Arrays.copyOf(out, n);
    }

    /** Whether every character of the text is in the alphabet or its extension. */
    static boolean canWrite(String text) {
        return text.codePoints().allMatch(c -> septets(c) > 0);
    }
}
