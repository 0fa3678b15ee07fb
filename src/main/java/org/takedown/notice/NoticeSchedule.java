package org.takedown.notice;

import jakarta.validation.constraints.Size;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.TimeZone;
import org.quartz.CronExpression;
import org.takedown.common.ProblemException;
import org.takedown.operation.LocalTimes;

/**
 * When a notice is sent while its operation is active: once {@code at} a local time, or by a Quartz {@code cron}
 * expression (seconds first, e.g. {@code 0 0 9 ? * MON-FRI}); both in the operation's zone. A cron schedule may be
 * restricted to a daily window ({@code windowStart}–{@code windowEnd}, local; start after end spans midnight):
 * firings outside it are not runs, and what a run has not sent when the window closes is SKIPPED. A firing later
 * than {@code maxLateness} (default 15 minutes) after its due time is recorded as SKIPPED_LATE and never sent.
 */
public record NoticeSchedule(
        LocalDateTime at,
        @Size(max = 120) String cron,
        LocalTime windowStart,
        LocalTime windowEnd,
        Duration maxLateness) {

    static final Duration DEFAULT_MAX_LATENESS = Duration.ofMinutes(15);
    private static final Duration LONGEST_LATENESS = Duration.ofDays(7);

    /** Checks the schedule and writes it onto the notice (a null schedule: sent only on demand). */
    void applyTo(Notice notice, String zone) {
        notice.sendAt = null;
        notice.cron = null;
        notice.windowStart = null;
        notice.windowEnd = null;
        notice.maxLatenessSeconds = DEFAULT_MAX_LATENESS.toSeconds();
        if ((at == null) == (cron == null || cron.isBlank())) {
            throw ProblemException.invalidField(
                    400, "schedule", "give either at (a local time) or cron, not both or neither");
        }
        if ((windowStart == null) != (windowEnd == null)) {
            throw ProblemException.invalidField(
                    400, "schedule.windowEnd", "a send window needs both windowStart and windowEnd");
        }
        if (windowStart != null && at != null) {
            throw ProblemException.invalidField(
                    400, "schedule.windowStart", "a send window applies to cron schedules only");
        }
        if (windowStart != null && windowStart.equals(windowEnd)) {
            throw ProblemException.invalidField(400, "schedule.windowEnd", "must differ from windowStart");
        }
        Duration lateness = maxLateness == null ? DEFAULT_MAX_LATENESS : maxLateness;
        if (lateness.compareTo(Duration.ofSeconds(1)) < 0 || lateness.compareTo(LONGEST_LATENESS) > 0) {
            throw ProblemException.invalidField(400, "schedule.maxLateness", "must be between PT1S and P7D");
        }
        if (cron != null && !cron.isBlank()) {
            CronExpression expression = parse(cron.strip(), zone);
            if (expression.getNextValidTimeAfter(new Date()) == null) {
                throw ProblemException.invalidField(400, "schedule.cron", "never fires again");
            }
            notice.cron = cron.strip();
            notice.windowStart = windowStart;
            notice.windowEnd = windowEnd;
        } else {
            notice.sendAt = LocalTimes.toInstant(at, zone);
        }
        notice.maxLatenessSeconds = lateness.toSeconds();
    }

    static NoticeSchedule of(Notice notice, String zone) {
        if (!notice.scheduled()) {
            return null;
        }
        return new NoticeSchedule(
                LocalTimes.toLocal(notice.sendAt, zone),
                notice.cron,
                notice.windowStart,
                notice.windowEnd,
                Duration.ofSeconds(notice.maxLatenessSeconds));
    }

    static CronExpression parse(String cron, String zone) {
        try {
            CronExpression expression = new CronExpression(cron);
            expression.setTimeZone(TimeZone.getTimeZone(ZoneId.of(zone)));
            return expression;
        } catch (ParseException e) {
            throw ProblemException.invalidField(
                    400, "schedule.cron", "is not a Quartz cron expression: " + e.getMessage());
        }
    }

    /** Whether {@code due} falls in the notice's window, and when that window closes (null: no window). */
    record Window(boolean open, Instant closes) {}

    static Window window(Notice notice, Instant due, String zone) {
        if (notice.windowStart == null) {
            return new Window(true, null);
        }
        ZonedDateTime local = due.atZone(ZoneId.of(zone));
        LocalTime time = local.toLocalTime();
        boolean overnight = notice.windowStart.isAfter(notice.windowEnd);
        boolean open = overnight
                ? !time.isBefore(notice.windowStart) || time.isBefore(notice.windowEnd)
                : !time.isBefore(notice.windowStart) && time.isBefore(notice.windowEnd);
        if (!open) {
            return new Window(false, null);
        }
        ZonedDateTime closes = local.with(notice.windowEnd);
        if (!closes.isAfter(local)) {
            closes = closes.plusDays(1).with(notice.windowEnd);
        }
        return new Window(true, closes.toInstant());
    }

    /**
     * The occurrence a firing stands for: the latest cron time not after {@code fired}, later than the previous
     * firing. After downtime Quartz fires once ("fire once now"), and this is the firing it catches up on.
     */
    static Instant dueOf(
            Notice notice, String zone, Instant scheduled, Instant fired, Instant previous, Instant armedAt) {
        if (notice.cron == null) {
            return notice.sendAt != null ? notice.sendAt : scheduled;
        }
        CronExpression expression = parse(notice.cron, zone);
        Instant floor = previous != null ? previous : armedAt.minusMillis(1);
        // Look back over the lateness allowance first, then over doubling spans: the walk stays short even after
        // a long downtime under a frequent cron.
        Duration span = Duration.ofSeconds(notice.maxLatenessSeconds + 1);
        while (true) {
            Instant from = fired.minus(span).isBefore(floor) ? floor : fired.minus(span);
            Instant due = latest(expression, from, fired);
            if (due != null) {
                return due;
            }
            if (!from.isAfter(floor)) {
                return scheduled;
            }
            span = span.multipliedBy(2);
        }
    }

    /** The last occurrence in (from, upTo], if any. */
    private static Instant latest(CronExpression expression, Instant from, Instant upTo) {
        Instant due = null;
        Date next = expression.getNextValidTimeAfter(Date.from(from));
        while (next != null && !next.toInstant().isAfter(upTo)) {
            due = next.toInstant();
            next = expression.getNextValidTimeAfter(next);
        }
        return due;
    }
}
