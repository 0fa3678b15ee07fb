package org.takedown.console;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How the console's templates show times: {@code fmt:utc(instant)}, {@code fmt:local(instant, zone)} for an operation's
 * officers, {@code fmt:iso(instant)} for {@code <time datetime>}. Functions rather than extension methods, so that an
 * absent time shows as a dash instead of failing the page.
 */
@TemplateExtension(namespace = "fmt")
public final class ConsoleFormats {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter UTC_SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ConsoleFormats() {}

    static String utc(Instant instant) {
        return instant == null ? "—" : UTC.format(instant);
    }

    static String utcSeconds(Instant instant) {
        return instant == null ? "—" : UTC_SECONDS.format(instant);
    }

    static String local(Instant instant, String zone) {
        return instant == null ? "—" : LOCAL.withZone(ZoneId.of(zone)).format(instant) + " " + zone;
    }

    static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
