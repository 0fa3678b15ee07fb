package org.takedown.console;

import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Text helpers of the console's templates: {@code state.label}, {@code q.urlEncoded}. */
@TemplateExtension
public final class ConsoleText {

    private ConsoleText() {}

    /** An enum constant for people: {@code PENDING_APPROVAL} is "Pending approval". */
    static String label(Enum<?> value) {
        String words = value.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A value for a query string. */
    static String urlEncoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
