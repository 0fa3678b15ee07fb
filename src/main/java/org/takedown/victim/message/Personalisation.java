package org.takedown.victim.message;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.takedown.common.Placeholders;

/**
 * Officer text with placeholders filled per recipient: {@code {reference}} is the campaign reference, {@code {name}}
 * the victim's name, any other name a column of their list ({@code {bank}}). A value is data: it is put in once, never
 * read for placeholders itself, its line breaks and runs of spaces become one space, and an empty value takes the
 * fallback the officer declared for that placeholder.
 */
public final class Personalisation {

    public static final String REFERENCE = "reference";
    public static final String NAME = "name";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z0-9_]{0,39})}");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Personalisation() {}

    /** The placeholders the text names, in order of name. */
    public static SortedSet<String> placeholders(String text) {
        SortedSet<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /**
     * The text for one recipient. {@code values} holds the recipient's name (under {@link #NAME}) and list columns;
     * a placeholder with neither a value nor a fallback stays as typed (the campaign's lint refuses such text).
     */
    public static String render(
            String text, String reference, Map<String, String> values, Map<String, String> fallbacks) {
        Map<String, String> filled = new HashMap<>();
        for (String name : placeholders(text)) {
            String value = REFERENCE.equals(name) ? reference : clean(values.get(name));
            if (value == null || value.isEmpty()) {
                value = fallbacks.get(name);
            }
            if (value != null) {
                filled.put(name, value);
            }
        }
        return Placeholders.fill(text, filled);
    }

    private static String clean(String value) {
        return value == null ? null : SPACES.matcher(value).replaceAll(" ").strip();
    }
}
