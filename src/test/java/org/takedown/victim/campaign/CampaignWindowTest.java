package org.takedown.victim.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CampaignWindowTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static Instant london(String local) {
        return LocalDateTime.parse(local).atZone(LONDON).toInstant();
    }

    @Test
    void theItSpoofWindowMidnightToMidnightTheNextDayHas48OpenHours() {
        CampaignWindow window =
                new CampaignWindow(london("2022-11-24T00:00"), london("2022-11-26T00:00"), null, null, LONDON);
        assertEquals(Duration.ofHours(48), window.openBetween(window.start(), window.end()));
        assertEquals(Optional.of(window.start()), window.nextOpen(london("2022-11-23T12:00")));
        assertEquals(Optional.empty(), window.nextOpen(london("2022-11-26T00:00")));
    }

    @Test
    void labHostsTwoHoursADayAreQuietHoursFrom18To16() {
        CampaignWindow window = new CampaignWindow(
                london("2024-04-18T00:00"),
                london("2024-04-20T00:00"),
                LocalTime.of(18, 0),
                LocalTime.of(16, 0),
                LONDON);
        assertFalse(window.isOpen(london("2024-04-18T15:59")));
        assertTrue(window.isOpen(london("2024-04-18T16:00")));
        assertFalse(window.isOpen(london("2024-04-18T18:00")));
        assertEquals(Optional.of(london("2024-04-19T16:00")), window.nextOpen(london("2024-04-18T18:30")));
        assertEquals(london("2024-04-18T18:00"), window.closes(london("2024-04-18T17:00")));
        assertEquals(Duration.ofHours(4), window.openBetween(window.start(), window.end()));
        assertEquals(Optional.of(london("2024-04-19T17:00")), window.finishes(window.start(), Duration.ofHours(3)));
        assertEquals(Optional.empty(), window.finishes(window.start(), Duration.ofHours(5)));
    }

    @Test
    void quietNightsFollowTheWallClockAcrossDaylightSavingChanges() {
        LocalTime from = LocalTime.of(21, 0);
        LocalTime until = LocalTime.of(8, 0);
        // Clocks went forward at 01:00 on 29 March 2026: that quiet night is 10 real hours, not 11.
        CampaignWindow spring =
                new CampaignWindow(london("2026-03-28T08:00"), london("2026-03-29T21:00"), from, until, LONDON);
        assertEquals(Duration.ofHours(26), spring.openBetween(spring.start(), spring.end()));
        assertEquals(Optional.of(london("2026-03-29T08:00")), spring.nextOpen(london("2026-03-28T21:00")));
        assertEquals(Duration.ofHours(10), Duration.between(london("2026-03-28T21:00"), london("2026-03-29T08:00")));
        // Clocks went back at 02:00 on 25 October 2026: that quiet night is 12 real hours.
        CampaignWindow autumn =
                new CampaignWindow(london("2026-10-24T08:00"), london("2026-10-25T21:00"), from, until, LONDON);
        assertEquals(Duration.ofHours(26), autumn.openBetween(autumn.start(), autumn.end()));
        assertEquals(
                Duration.ofHours(12),
                Duration.between(
                        autumn.closes(london("2026-10-24T12:00")),
                        autumn.nextOpen(london("2026-10-24T22:00")).orElseThrow()));
    }

    @Test
    void quietHoursEndingInTheSpringGapOpenWhenTheClockJumps() {
        CampaignWindow window = new CampaignWindow(
                london("2026-03-28T12:00"),
                london("2026-03-30T00:00"),
                LocalTime.of(22, 0),
                LocalTime.of(1, 30),
                LONDON);
        // 01:30 does not exist on 29 March: the quiet night ends at 02:30 BST, one real hour after 00:30 GMT.
        assertEquals(Optional.of(london("2026-03-29T02:30")), window.nextOpen(london("2026-03-28T23:00")));
    }

    @Test
    void aWindowMustEndAfterItStartsAndQuietHoursNeedBothEnds() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        assertThrows(IllegalArgumentException.class, () -> new CampaignWindow(now, now, null, null, LONDON));
        assertThrows(
                IllegalArgumentException.class,
                () -> new CampaignWindow(now, now.plusSeconds(60), LocalTime.NOON, null, LONDON));
        assertThrows(
                IllegalArgumentException.class,
                () -> new CampaignWindow(now, now.plusSeconds(60), LocalTime.NOON, LocalTime.NOON, LONDON));
    }
}
