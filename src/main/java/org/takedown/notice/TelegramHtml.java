package org.takedown.notice;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Telegram's HTML parse mode, checked before anything is sent: only the tags Telegram supports (and only their
 * attributes), properly nested and closed, every {@code <}, {@code >} and {@code &} outside markup escaped, only
 * the entities Telegram knows, and the nesting rules for code, pre, links and quotes. Length is what Telegram
 * counts: UTF-16 code units of the text after markup and entities are parsed.
 */
final class TelegramHtml {

    static final int MESSAGE_LIMIT = 4096;
    static final int CAPTION_LIMIT = 1024;

    private static final Set<String> TAGS = Set.of(
            "b",
            "strong",
            "i",
            "em",
            "u",
            "ins",
            "s",
            "strike",
            "del",
            "tg-spoiler",
            "span",
            "a",
            "code",
            "pre",
            "blockquote",
            "tg-emoji");
    private static final Map<String, String> ENTITIES = Map.of("lt", "<", "gt", ">", "amp", "&", "quot", "\"");

    /** The text Telegram would show, its length, and what makes Telegram refuse it (empty when it is acceptable). */
    record Parsed(String text, List<String> problems) {

        int length() {
            return text.length();
        }

        boolean ok() {
            return problems.isEmpty();
        }
    }

    private TelegramHtml() {}

    /** Escapes plain text (such as a placeholder's value) for Telegram HTML. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private record Open(String name, boolean insidePre) {}

    static Parsed parse(String html) {
        StringBuilder text = new StringBuilder(html.length());
        List<String> problems = new ArrayList<>();
        Deque<Open> open = new ArrayDeque<>();
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = html.indexOf('>', i + 1);
                int nextOpen = html.indexOf('<', i + 1);
                if (end < 0 || nextOpen >= 0 && nextOpen < end) {
                    problems.add("unescaped '<' at " + i + ": write &lt;");
                    text.append(c);
                    i++;
                    continue;
                }
                String tag = html.substring(i + 1, end);
                if (tag.startsWith("/")) {
                    close(tag.substring(1).strip().toLowerCase(Locale.ROOT), open, problems);
                } else {
                    openTag(tag, open, problems);
                }
                i = end + 1;
            } else if (c == '>') {
                problems.add("unescaped '>' at " + i + ": write &gt;");
                text.append(c);
                i++;
            } else if (c == '&') {
                int semicolon = html.indexOf(';', i + 1);
                String decoded = semicolon < 0 || semicolon - i > 12 ? null : entity(html.substring(i + 1, semicolon));
                if (decoded == null) {
                    problems.add("unescaped '&' at " + i + ": write &amp;");
                    text.append(c);
                    i++;
                } else {
                    text.append(decoded);
                    i = semicolon + 1;
                }
            } else {
                text.append(c);
                i++;
            }
        }
        for (Open unclosed : open) {
            problems.add("<" + unclosed.name() + "> is not closed");
        }
        if (text.toString().isBlank()) {
            problems.add("the text is empty");
        }
        return new Parsed(text.toString(), List.copyOf(problems));
    }

    private static void openTag(String tag, Deque<Open> open, List<String> problems) {
        String body = tag.endsWith("/") ? tag.substring(0, tag.length() - 1) : tag;
        int space = indexOfWhitespace(body);
        String name = (space < 0 ? body : body.substring(0, space)).toLowerCase(Locale.ROOT);
        Map<String, String> attributes = attributes(space < 0 ? "" : body.substring(space), problems);
        if (!TAGS.contains(name)) {
            problems.add("<" + name + "> is not a tag Telegram supports");
            return;
        }
        if (tag.endsWith("/")) {
            problems.add("<" + name + "/> must have content and a closing tag");
            return;
        }
        boolean insidePre = !open.isEmpty() && open.peek().name().equals("pre");
        for (Open outer : open) {
            if (outer.name().equals("code") || outer.name().equals("pre") && !name.equals("code")) {
                problems.add("<" + name + "> cannot be inside <" + outer.name() + ">");
            }
            if (outer.name().equals(name) && (name.equals("a") || name.equals("blockquote"))) {
                problems.add("<" + name + "> cannot be inside another <" + name + ">");
            }
        }
        checkAttributes(name, attributes, insidePre, problems);
        open.push(new Open(name, insidePre));
    }

    private static void checkAttributes(
            String name, Map<String, String> attributes, boolean insidePre, List<String> problems) {
        Set<String> allowed = switch (name) {
            case "a" -> Set.of("href");
            case "span" -> Set.of("class");
            case "code" -> insidePre ? Set.of("class") : Set.of();
            case "blockquote" -> Set.of("expandable");
            case "tg-emoji" -> Set.of("emoji-id");
            default -> Set.of();
        };
        for (String attribute : attributes.keySet()) {
            if (!allowed.contains(attribute)) {
                problems.add("<" + name + "> cannot have the attribute " + attribute);
            }
        }
        if (name.equals("span") && !"tg-spoiler".equals(attributes.get("class"))) {
            problems.add("<span> needs class=\"tg-spoiler\"");
        }
        if (name.equals("tg-emoji") && !attributes.getOrDefault("emoji-id", "").matches("[0-9]{1,20}")) {
            problems.add("<tg-emoji> needs emoji-id=\"<custom emoji id>\"");
        }
        if (name.equals("code")
                && attributes.containsKey("class")
                && !attributes.get("class").matches("language-[A-Za-z0-9_+#-]{1,32}")) {
            problems.add("<code class> must be language-<name>");
        }
        if (name.equals("a")) {
            String href = attributes.get("href");
            if (href == null || !validHref(href)) {
                problems.add("<a href> must be an http(s) URL or tg://user?id=<number>: " + href);
            }
        }
    }

    static boolean validHref(String href) {
        if (href.matches("tg://user\\?id=[0-9]{1,20}")) {
            return true;
        }
        if (href.length() > 2048 || href.chars().anyMatch(ch -> ch <= 0x20 || ch == 0x7f)) {
            return false;
        }
        try {
            URI uri = new URI(href);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    && uri.getHost() != null
                    && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void close(String name, Deque<Open> open, List<String> problems) {
        if (open.isEmpty() || !open.peek().name().equals(name)) {
            problems.add("</" + name + "> does not close the tag that is open"
                    + (open.isEmpty() ? "" : " (<" + open.peek().name() + ">)"));
            if (open.stream().anyMatch(o -> o.name().equals(name))) {
                while (!open.pop().name().equals(name)) {
                    // unwind to the matching tag so one mistake is reported once
                }
            }
            return;
        }
        open.pop();
    }

    private static Map<String, String> attributes(String source, List<String> problems) {
        Map<String, String> attributes = new java.util.LinkedHashMap<>();
        int i = 0;
        while (i < source.length()) {
            while (i < source.length() && Character.isWhitespace(source.charAt(i))) {
                i++;
            }
            if (i >= source.length()) {
                break;
            }
            int nameStart = i;
            while (i < source.length() && !Character.isWhitespace(source.charAt(i)) && source.charAt(i) != '=') {
                i++;
            }
            String name = source.substring(nameStart, i).toLowerCase(Locale.ROOT);
            String value = "";
            if (i < source.length() && source.charAt(i) == '=') {
                i++;
                char quote = i < source.length() ? source.charAt(i) : ' ';
                if (quote == '"' || quote == '\'') {
                    int end = source.indexOf(quote, i + 1);
                    if (end < 0) {
                        problems.add("attribute " + name + " has an unterminated value");
                        return attributes;
                    }
                    value = decodeAttribute(source.substring(i + 1, end), problems);
                    i = end + 1;
                } else {
                    int start = i;
                    while (i < source.length() && !Character.isWhitespace(source.charAt(i))) {
                        i++;
                    }
                    value = decodeAttribute(source.substring(start, i), problems);
                }
            }
            if (attributes.put(name, value) != null) {
                problems.add("attribute " + name + " is given twice");
            }
        }
        return attributes;
    }

    private static String decodeAttribute(String value, List<String> problems) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '&') {
                int semicolon = value.indexOf(';', i + 1);
                String decoded = semicolon < 0 ? null : entity(value.substring(i + 1, semicolon));
                if (decoded == null) {
                    problems.add("unescaped '&' in an attribute: write &amp;");
                    out.append(c);
                } else {
                    out.append(decoded);
                    i = semicolon;
                }
            } else if (c == '<' || c == '>') {
                problems.add("unescaped '" + c + "' in an attribute");
                out.append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code lt}, {@code gt}, {@code amp}, {@code quot} and numeric references; null for anything else. */
    static String entity(String name) {
        String named = ENTITIES.get(name);
        if (named != null) {
            return named;
        }
        try {
            int code;
            if (name.startsWith("#x") || name.startsWith("#X")) {
                code = Integer.parseInt(name.substring(2), 16);
            } else if (name.startsWith("#")) {
                code = Integer.parseInt(name.substring(1));
            } else {
                return null;
            }
            return Character.isValidCodePoint(code) && code != 0 ? new String(Character.toChars(code)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
