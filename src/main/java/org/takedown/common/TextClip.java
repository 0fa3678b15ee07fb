package org.takedown.common;

/**
 * Shortens text to a number of UTF-16 units (what a column or a field holds) without cutting a character in two: a
 * surrogate pair that would straddle the cut is left out whole, so the stored text never holds half an emoji.
 */
public final class TextClip {

    private static final String ELLIPSIS = "…";

    private TextClip() {}

    /** {@code text} if it fits in {@code max} units, otherwise its longest prefix that does; null stays null. */
    public static String clip(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1)) && Character.isLowSurrogate(text.charAt(end))) {
            end--;
        }
        return text.substring(0, end);
    }

    /** As {@link #clip}, with an ellipsis as the last unit when something was cut. */
    public static String clipWithEllipsis(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return clip(text, max - ELLIPSIS.length()) + ELLIPSIS;
    }
}
