package org.takedown.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** The pure rules of schedules: send windows (also over midnight) and which occurrence a firing stands for. */
class NoticeScheduleRulesTest {

    static final String ZONE = "Europe/Berlin";

    static Notice windowed(String start, String end) {
        Notice notice = new Notice();
        notice.cron = "0 0 * * * ?";
        notice.windowStart = LocalTime.parse(start);
        notice.windowEnd = LocalTime.parse(end);
        return notice;
    }

    @Test
    void aDaytimeWindowIsOpenFromStartUntilEndAndClosesThatDay() {
        Notice notice = windowed("09:00", "18:00");
        NoticeSchedule.Window open =
                NoticeSchedule.window(notice, Instant.parse("2026-11-24T08:00:00Z"), ZONE); // 09:00 local
        assertTrue(open.open());
        assertEquals(Instant.parse("2026-11-24T17:00:00Z"), open.closes());
        assertFalse(NoticeSchedule.window(notice, Instant.parse("2026-11-24T07:59:59Z"), ZONE)
                .open());
        assertFalse(
                NoticeSchedule.window(notice, Instant.parse("2026-11-24T17:00:00Z"), ZONE)
                        .open(),
                "the end is excluded");
    }

    @Test
    void aWindowOverMidnightClosesTheNextMorning() {
        Notice notice = windowed("22:00", "06:00");
        NoticeSchedule.Window late =
                NoticeSchedule.window(notice, Instant.parse("2026-11-24T22:30:00Z"), ZONE); // 23:30 local
        assertTrue(late.open());
        assertEquals(Instant.parse("2026-11-25T05:00:00Z"), late.closes());
        NoticeSchedule.Window early =
                NoticeSchedule.window(notice, Instant.parse("2026-11-25T03:00:00Z"), ZONE); // 04:00 local
        assertTrue(early.open());
        assertEquals(Instant.parse("2026-11-25T05:00:00Z"), early.closes());
        assertFalse(NoticeSchedule.window(notice, Instant.parse("2026-11-25T11:00:00Z"), ZONE)
                .open());
    }

    @Test
    void withoutAWindowEveryFiringIsOpen() {
        Notice notice = new Notice();
        notice.cron = "0 0 * * * ?";
        NoticeSchedule.Window window = NoticeSchedule.window(notice, Instant.now(), ZONE);
        assertTrue(window.open());
        assertNull(window.closes());
    }

    @Test
    void aFiringOnTimeStandsForItsOwnOccurrence() {
        Notice notice = windowed("00:00", "23:59");
        Instant scheduled = Instant.parse("2026-11-24T10:00:00Z");
        assertEquals(
                scheduled,
                NoticeSchedule.dueOf(
                        notice,
                        ZONE,
                        scheduled,
                        scheduled.plusMillis(30),
                        scheduled.minusSeconds(3600),
                        scheduled.minusSeconds(86400)));
    }

    @Test
    void aCatchUpFiringStandsForTheLatestMissedOccurrence() {
        Notice notice = windowed("00:00", "23:59");
        Instant previous = Instant.parse("2026-11-24T05:00:00Z");
        Instant fired = Instant.parse("2026-11-24T09:20:00Z");
        assertEquals(
                Instant.parse("2026-11-24T09:00:00Z"),
                NoticeSchedule.dueOf(notice, ZONE, fired, fired, previous, previous));
    }

    @Test
    void aCatchUpAfterLongDowntimeStandsForAnOccurrenceThatIsLate() {
        Notice notice = new Notice();
        notice.cron = "0 0 9 * * ?";
        notice.maxLatenessSeconds = 900;
        Instant previous = Instant.parse("2026-11-01T08:00:00Z");
        Instant fired = Instant.parse("2026-11-24T12:00:00Z");
        Instant due = NoticeSchedule.dueOf(notice, ZONE, fired, fired, previous, previous);
        assertEquals(Instant.parse("2026-11-24T08:00:00Z"), due, "today's 09:00 Berlin, three hours late");
    }

    @Test
    void aOnceScheduleIsDueAtItsTime() {
        Notice notice = new Notice();
        notice.sendAt = Instant.parse("2026-11-24T10:00:00Z");
        Instant fired = Instant.parse("2026-11-24T11:00:00Z");
        assertEquals(notice.sendAt, NoticeSchedule.dueOf(notice, ZONE, fired, fired, null, fired));
    }
}
