package org.takedown.support;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An independent reading of Telegram's HTML parse mode, written from the Bot API documentation for the fake Bot API
 * server and the lint property test: a regex tokenizer, unlike the application's character scanner. Returns the
 * parsed text, or throws {@link Refused} with the error Telegram gives ("Bad Request: can't parse entities: …").
 */
public final class TelegramHtmlReference {

    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    private static final Pattern TOKEN = Pattern.compile(
            "<(/?)([a-zA-Z][a-zA-Z-]*)((?:\\s+[a-zA-Z-]+(?:=(?:\"[^\"<>]*\"|'[^'<>]*'|[^\\s\"'<>]+))?)*)\\s*>"
                    + "|&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|lt|gt|amp|quot);"
                    + "|([<>&])"
                    + "|([^<>&]+)");
    private static final Pattern ATTRIBUTE =
            Pattern.compile("([a-zA-Z-]+)(?:=(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"']+)))?");
    private static final Set<String> FORMATTING =
            Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "tg-spoiler", "span");
    private static final Map<String, Set<String>> ATTRIBUTES = Map.ofEntries(
            Map.entry("b", Set.of()),
            Map.entry("strong", Set.of()),
            Map.entry("i", Set.of()),
            Map.entry("em", Set.of()),
            Map.entry("u", Set.of()),
            Map.entry("ins", Set.of()),
            Map.entry("s", Set.of()),
            Map.entry("strike", Set.of()),
            Map.entry("del", Set.of()),
            Map.entry("tg-spoiler", Set.of()),
            Map.entry("span", Set.of("class")),
            Map.entry("a", Set.of("href")),
            Map.entry("code", Set.of("class")),
            Map.entry("pre", Set.of()),
            Map.entry("blockquote", Set.of("expandable")),
            Map.entry("tg-emoji", Set.of("emoji-id")));

    private TelegramHtmlReference() {}

    public static String parse(String html) {
        StringBuilder text = new StringBuilder();
        Deque<String> stack = new ArrayDeque<>();
        Matcher m = TOKEN.matcher(html);
        int at = 0;
        while (at < html.length()) {
            if (!m.find(at) || m.start() != at) {
                throw refused("unexpected character at byte offset " + at);
            }
            if (m.group(2) != null) {
                String name = m.group(2).toLowerCase(Locale.ROOT);
                if (m.group(1).isEmpty()) {
                    open(name, m.group(3), stack);
                } else {
                    if (stack.isEmpty() || !stack.pop().equals(name)) {
                        throw refused("unmatched end tag at byte offset " + at + ", expected other tag");
                    }
                }
            } else if (m.group(4) != null) {
                text.append(decode(m.group(4)));
            } else if (m.group(5) != null) {
                throw refused("unsupported start tag or stray '" + m.group(5) + "' at byte offset " + at);
            } else {
                text.append(m.group(6));
            }
            at = m.end();
        }
        if (!stack.isEmpty()) {
            throw refused("can't find end tag corresponding to start tag \"" + stack.peek() + "\"");
        }
        if (text.toString().isBlank()) {
            throw new Refused("Bad Request: message text is empty");
        }
        return text.toString();
    }

    private static void open(String name, String attributes, Deque<String> stack) {
        Set<String> allowed = ATTRIBUTES.get(name);
        if (allowed == null) {
            throw refused("unsupported start tag \"" + name + "\"");
        }
        String parent = stack.peek();
        if (parent != null && (parent.equals("code") || parent.equals("pre") && !name.equals("code"))) {
            throw refused("can't nest \"" + name + "\" in \"" + parent + "\"");
        }
        if (stack.contains(name) && !FORMATTING.contains(name)) {
            throw refused("can't nest \"" + name + "\" in \"" + name + "\"");
        }
        Matcher a = ATTRIBUTE.matcher(attributes);
        Map<String, String> values = new java.util.HashMap<>();
        while (a.find()) {
            String key = a.group(1).toLowerCase(Locale.ROOT);
            String value = a.group(2) != null
                    ? a.group(2)
                    : a.group(3) != null ? a.group(3) : a.group(4) != null ? a.group(4) : "";
            if (!allowed.contains(key) || (key.equals("class") && name.equals("code") && !"pre".equals(parent))) {
                throw refused("unsupported attribute \"" + key + "\" of \"" + name + "\"");
            }
            values.put(key, value);
        }
        if (name.equals("span") && !"tg-spoiler".equals(values.get("class"))) {
            throw refused("span without class tg-spoiler");
        }
        if (name.equals("tg-emoji") && !values.getOrDefault("emoji-id", "").matches("[0-9]+")) {
            throw refused("custom emoji identifier not specified");
        }
        if (name.equals("a")) {
            String href = values.getOrDefault("href", "").replace("&amp;", "&").replace("&quot;", "\"");
            if (!href.matches("(https?://[^\\s/?#@]+(?::[0-9]+)?(?:[/?#]\\S*)?)|tg://user\\?id=[0-9]+")) {
                throw refused("wrong HTTP URL \"" + href + "\"");
            }
        }
        stack.push(name);
    }

    private static String decode(String entity) {
        switch (entity) {
            case "lt":
                return "<";
            case "gt":
                return ">";
            case "amp":
                return "&";
            case "quot":
                return "\"";
            default:
                int code = entity.startsWith("#x") || entity.startsWith("#X")
                        ? Integer.parseInt(entity.substring(2), 16)
                        : Integer.parseInt(entity.substring(1));
                if (code == 0 || !Character.isValidCodePoint(code)) {
                    throw refused("invalid character reference");
                }
                return new String(Character.toChars(code));
        }
    }

    private static Refused refused(String why) {
        return new Refused("Bad Request: can't parse entities: " + why);
    }
}
