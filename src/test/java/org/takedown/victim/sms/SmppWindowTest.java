package org.takedown.victim.sms;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.takedown.support.Api;
import org.takedown.victim.sms.smpp.FakeSmsc;

/**
 * The SMPP window: however many rows the channel holds ahead of their slots, no more submits than the window are
 * awaiting the SMSC's answer at once, so an SMSC that answers slowly is never sent more than it allows.
 */
@QuarkusTest
@TestProfile(SmppWindowTest.WindowOfTwo.class)
public class SmppWindowTest {

    /** Two submits outstanding at most; 50 messages a second, so the rows claimed ahead far outnumber the window. */
    public static class WindowOfTwo extends SmscProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("takedown.victims.sms.smpp.window", "2");
            return overrides;
        }
    }

    FakeSmsc smsc;

    @Test
    void noMoreSubmitsAwaitAnAnswerThanTheWindow() {
        StringBuilder csv = new StringBuilder("phone,name,bank\r\n");
        for (int i = 10; i < 22; i++) {
            csv.append("07700 9007").append(i).append(",W").append(i).append(",Bank\r\n");
        }
        long[] ids = SmsCampaignTest.activeCampaign(csv.toString(), -3600, null, null);
        // each answer takes 200 ms: at 50 a second, ten would be outstanding without the window
        smsc.window(2).answerAfter(200);
        try {
            Api.as("officer1").post(SmsCampaignTest.run(ids[0], ids[1])).then().statusCode(201);
            // every row settled (on a loaded machine a first answer may come after the client's timeout: UNKNOWN)
            await().atMost(Duration.ofSeconds(30)).until(() -> smsc.submitted.size() == 12 && settled(ids[0]));
        } finally {
            smsc.answerAfter(0).window(Integer.MAX_VALUE);
        }
        assertEquals(2, smsc.peakOutstanding.get(), "the window was filled, never exceeded");
        assertEquals(0, smsc.throttled.get(), "no submit beyond the SMSC's window");
        assertEquals(12, smsc.submitted.size(), "each victim once");
    }

    private static boolean settled(long operationId) {
        Map<String, Long> rows = SmsCampaignTest.statuses(operationId);
        return rows.getOrDefault("PENDING", 0L) + rows.getOrDefault("CLAIMED", 0L) + rows.getOrDefault("RETRY_AT", 0L)
                        == 0
                && rows.values().stream().mapToLong(Long::longValue).sum() == 12;
    }
}
