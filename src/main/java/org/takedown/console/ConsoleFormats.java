package org.takedown.console;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the console's templates show values: times in UTC to the minute ({@code instant.display}). */
@TemplateExtension
public final class ConsoleFormats {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter UTC_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private ConsoleFormats() {
    }

    static String display(Instant instant) {
        return instant == null ? "—" : UTC.format(instant);
    }

    static String displaySeconds(Instant instant) {
        return instant == null ? "—" : UTC_SECONDS.format(instant);
    }

    /** An enum constant for people: {@code PENDING_APPROVAL} is "Pending approval". */
    static String label(Enum<?> value) {
        if (value == null) {
            return "—";
        }
        String words = value.name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A value for a query string. */
    static String urlEncoded(String value) {
        return value == null ? "" : java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** For {@code <time datetime>} attributes. */
    static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
