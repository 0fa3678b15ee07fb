package org.takedown.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The application with a bot token, talking to a {@link FakeBotApi} on loopback; retries back off quickly. Pacing
 * keeps more headroom than production (0.9, not 0.97): on this shared machine a thread stalled for tens of
 * milliseconds can squeeze a 31st message into the fake's one-second window, and the tests assert no 429 at all.
 * {@code bench/telegram.sh} measures the production setting.
 */
public class TelegramProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "takedown.telegram.dispatch.backoff-base", "200ms",
                "takedown.telegram.dispatch.max-attempts", "3",
                "takedown.telegram.dispatch.poll", "200ms",
                "takedown.telegram.pace.headroom", "0.9");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeBotApiResource.class));
    }
}
