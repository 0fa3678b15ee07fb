package org.takedown.watch;

import java.util.regex.Pattern;

/**
 * Fraud channels post their backup domains "defanged" so that Telegram makes no link of them and filters miss them:
 * {@code hxxps://backup-site[.]com}, {@code backup-site(.)com}, {@code backup-site [dot] com}, {@code backup-site{.}com}.
 * {@link #refang} writes them back as the names they are, for discovery (which says they were written so).
 */
final class Defanged {

    private static final Pattern SCHEME = Pattern.compile("\\b[hH][xX]{2}[pP]([sS]?)(?=(?:://|\\[:\\]//))");
    private static final Pattern COLON = Pattern.compile("\\[:\\]//");
    /** A dot in brackets, parentheses or braces, or the word dot in them, with optional spaces around. */
    private static final Pattern DOT = Pattern.compile("\\s?[\\[({]\\s?(?:\\.|dot|DOT|Dot)\\s?[\\])}]\\s?");

    private Defanged() {}

    /** The text with defanged schemes and dots written normally; the same instance when there were none. */
    static String refang(String text) {
        if (text == null || text.isEmpty() || !mayBeDefanged(text)) {
            return text;
        }
        String refanged =
                SCHEME.matcher(text).replaceAll(scheme -> scheme.group(1).isEmpty() ? "http" : "https");
        refanged = COLON.matcher(refanged).replaceAll("://");
        return DOT.matcher(refanged).replaceAll(".");
    }

    private static boolean mayBeDefanged(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[' || c == '(' || c == '{' || c == 'x' || c == 'X') {
                return true;
            }
        }
        return false;
    }
}
