package org.takedown.console;

import io.quarkus.qute.TemplateExtension;
import org.takedown.common.OfficerText;
import org.takedown.common.WritingDirection;

/**
 * How the console's templates keep officer text and text from outside (channel posts, probed pages) from reordering
 * the console's own words. In markup such text is wrapped in {@code <bdi>} or given {@code dir="auto"}; where no
 * element can go (a page title, a confirmation, an option) {@code bidi:isolated(value)} puts it between Unicode
 * isolates; what a reviewer must see exactly (the approval diff, audit summaries) is shown by
 * {@code bidi:shown(value)} with each bidirectional control written out. {@code bidi:dir(tag)} is the {@code dir} of a
 * field that holds text in a language. Functions, so that an absent value shows as nothing.
 */
@TemplateExtension(namespace = "bidi")
public final class ConsoleBidi {

    private ConsoleBidi() {}

    static String isolated(String value) {
        return value == null ? "" : OfficerText.isolate(value);
    }

    /** Isolated, with every bidirectional control written out as a visible mark such as {@code [U+202E]}. */
    static String shown(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder shown = new StringBuilder(value.length() + 16);
        value.chars().forEach(c -> {
            if (OfficerText.isBidiControl(c)) {
                shown.append(String.format("[U+%04X]", c));
            } else {
                shown.append((char) c);
            }
        });
        return OfficerText.isolate(shown.toString());
    }

    /** {@code rtl} for Arabic, Hebrew, Persian, Urdu and other right-to-left languages, else {@code auto}. */
    static String dir(String languageTag) {
        return WritingDirection.attributeFor(languageTag);
    }
}
