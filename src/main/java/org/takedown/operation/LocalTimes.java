package org.takedown.operation;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Officers enter and read times in the operation's IANA zone; the database keeps UTC instants.
 * A local time that falls in a daylight-saving gap moves forward by the gap; one in an overlap takes the
 * earlier offset ({@link java.time.ZonedDateTime#of} rules).
 */
public final class LocalTimes {

    private LocalTimes() {}

    public static Instant toInstant(LocalDateTime local, String zone) {
        return local == null
                ? null
                : local.truncatedTo(ChronoUnit.SECONDS).atZone(ZoneId.of(zone)).toInstant();
    }

    public static LocalDateTime toLocal(Instant instant, String zone) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneId.of(zone));
    }
}
