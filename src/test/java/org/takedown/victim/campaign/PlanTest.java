package org.takedown.victim.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PlanTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Instant MIDNIGHT = Instant.parse("2022-11-24T00:00:00Z");

    @Test
    void seventyThousandTextsAtOneASecondFitTheItSpoofWindow() {
        CampaignWindow window = new CampaignWindow(MIDNIGHT, MIDNIGHT.plusSeconds(48 * 3600), null, null, LONDON);
        Plan plan = Plan.of(window, MIDNIGHT, 70_000, 70_000, 1);
        assertTrue(plan.meetsDeadline());
        assertEquals(MIDNIGHT.plusSeconds(70_000), plan.finishes());
        assertEquals(0.41, plan.rateNeeded(), "70,000 in 172,800 s, rounded up");
    }

    @Test
    void aPlanThatCannotFinishSaysTheRateItWouldNeed() {
        // two open hours a day for two days, as LabHost's 16:00-18:00
        CampaignWindow window = new CampaignWindow(
                MIDNIGHT, MIDNIGHT.plusSeconds(48 * 3600), LocalTime.of(18, 0), LocalTime.of(16, 0), LONDON);
        Plan plan = Plan.of(window, MIDNIGHT, 25_000, 25_000, 1);
        assertFalse(plan.meetsDeadline());
        assertNull(plan.finishes());
        assertEquals(1.74, plan.rateNeeded(), "25,000 in 14,400 s");
    }

    @Test
    void longMessagesTakeTheirPartsOfTheRate() {
        CampaignWindow window = new CampaignWindow(MIDNIGHT, MIDNIGHT.plusSeconds(3600), null, null, LONDON);
        Plan plan = Plan.of(window, MIDNIGHT, 1_000, 3_000, 10);
        assertEquals(MIDNIGHT.plusSeconds(300), plan.finishes(), "3,000 parts at 10 a second");
        assertEquals(0.84, plan.rateNeeded(), "3,000 parts in 3,600 s");
    }

    @Test
    void noOpenTimeLeftNeedsNoRateAtAllAndNoRecipientsAlwaysFinish() {
        CampaignWindow window = new CampaignWindow(
                MIDNIGHT, MIDNIGHT.plusSeconds(3600), LocalTime.of(0, 0), LocalTime.of(2, 0), LONDON);
        assertNull(Plan.of(window, MIDNIGHT, 5, 5, 10).rateNeeded());
        assertTrue(Plan.of(window, MIDNIGHT, 0, 0, 10).meetsDeadline());
    }
}
