package org.takedown.victim.message;

/**
 * The GSM 03.38 default alphabet and its extension table, as UK networks use them (no national language shift
 * tables). An extension character is written as the escape septet and one more: two septets.
 */
final class Gsm7 {

    /** The basic table in septet order; 0x1B (the escape) is no character: a no-break space holds its place. */
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u00A0ÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private static final String EXTENSION = "\f^{}\\[~]|€";

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

    /** Whether every character of the text is in the alphabet or its extension. */
    static boolean canWrite(String text) {
        return text.codePoints().allMatch(c -> septets(c) > 0);
    }
}
