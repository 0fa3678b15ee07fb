package org.takedown.common;

import java.util.Map;

/**
 * Fills named placeholders such as {@code {domain}} in officer text. Officer text is data, never a template: only the
 * given names are replaced, anything else in braces stays as typed, and nothing is evaluated. The caller escapes for
 * its target: banner values are escaped by the page template afterwards; notice values are passed in already escaped
 * for Telegram HTML, because notice text itself is markup.
 */
public final class Placeholders {

    private Placeholders() {}

    public static String fill(String text, Map<String, String> values) {
        if (text == null || text.indexOf('{') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 32);
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf('{', i);
            int close = open < 0 ? -1 : text.indexOf('}', open + 1);
            if (open < 0 || close < 0) {
                out.append(text, i, text.length());
                break;
            }
            String name = text.substring(open + 1, close);
            int inner = name.lastIndexOf('{');
            if (inner >= 0) {
                // "{{domain}": the placeholder starts at the innermost brace.
                out.append(text, i, open + 1 + inner);
                i = open + 1 + inner;
                continue;
            }
            String value = values.get(name);
            out.append(text, i, open).append(value != null ? value : text.substring(open, close + 1));
            i = close + 1;
        }
        return out.toString();
    }
}
