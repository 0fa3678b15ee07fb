package org.takedown.victim.campaign;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When a campaign may submit messages: from {@code start} to {@code end} (the deadline), except for daily quiet hours
 * in the operation's zone ({@code quietFrom} to {@code quietUntil}; a start after the end spans midnight; both null:
 * none). Quiet hours follow the wall clock, so across a daylight-saving change a quiet night is an hour shorter or
 * longer in real time, as the people receiving the messages live it.
 */
public record CampaignWindow(Instant start, Instant end, LocalTime quietFrom, LocalTime quietUntil, ZoneId zone) {

    public CampaignWindow {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a window ends after it starts");
        }
        if ((quietFrom == null) != (quietUntil == null) || (quietFrom != null && quietFrom.equals(quietUntil))) {
            throw new IllegalArgumentException("quiet hours need a different start and end, or neither");
        }
    }

    public boolean isOpen(Instant at) {
        return !at.isBefore(start) && at.isBefore(end) && !quiet(at);
    }

    /** The first instant at or after {@code at} when messages may go, or empty when the window is over by then. */
    public Optional<Instant> nextOpen(Instant at) {
        Instant from = at.isBefore(start) ? start : at;
        if (quiet(from)) {
            from = quietEnds(from);
        }
        return from.isBefore(end) ? Optional.of(from) : Optional.empty();
    }

    /** When the open stretch holding {@code at} closes: the next quiet hours or the end. */
    public Instant closes(Instant at) {
        if (quietFrom == null) {
            return end;
        }
        ZonedDateTime local = at.atZone(zone);
        ZonedDateTime quiet = ZonedDateTime.of(local.toLocalDate(), quietFrom, zone);
        if (!quiet.toInstant().isAfter(at)) {
            quiet = ZonedDateTime.of(local.toLocalDate().plusDays(1), quietFrom, zone);
        }
        return quiet.toInstant().isBefore(end) ? quiet.toInstant() : end;
    }

    /** Open time between two instants. */
    public Duration openBetween(Instant from, Instant to) {
        Duration open = Duration.ZERO;
        Optional<Instant> next = nextOpen(from);
        while (next.isPresent() && next.get().isBefore(to)) {
            Instant closes = closes(next.get());
            Instant until = closes.isBefore(to) ? closes : to;
            open = open.plus(Duration.between(next.get(), until));
            next = nextOpen(closes);
        }
        return open;
    }

    /** When {@code work} of open time started at {@code from} is done, or empty when the window ends first. */
    public Optional<Instant> finishes(Instant from, Duration work) {
        Duration left = work;
        Optional<Instant> next = nextOpen(from);
        while (next.isPresent()) {
            Instant closes = closes(next.get());
            Duration stretch = Duration.between(next.get(), closes);
            if (left.compareTo(stretch) <= 0) {
                return Optional.of(next.get().plus(left));
            }
            left = left.minus(stretch);
            next = nextOpen(closes);
        }
        return Optional.empty();
    }

    private boolean quiet(Instant at) {
        if (quietFrom == null) {
            return false;
        }
        LocalTime time = at.atZone(zone).toLocalTime();
        return quietFrom.isBefore(quietUntil)
                ? !time.isBefore(quietFrom) && time.isBefore(quietUntil)
                : !time.isBefore(quietFrom) || time.isBefore(quietUntil);
    }

    /** The end of the quiet hours holding {@code at}. */
    private Instant quietEnds(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalDate day = local.toLocalDate();
        if (quietUntil.isBefore(quietFrom) && !local.toLocalTime().isBefore(quietFrom)) {
            day = day.plusDays(1);
        }
        return ZonedDateTime.of(day, quietUntil, zone).toInstant();
    }
}
