package org.takedown.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The application with a bot token, talking to a {@link FakeBotApi} on loopback; retries back off quickly. */
public class TelegramProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "takedown.telegram.dispatch.backoff-base", "200ms",
                "takedown.telegram.dispatch.max-attempts", "3",
                "takedown.telegram.dispatch.poll", "200ms");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeBotApiResource.class));
    }
}
