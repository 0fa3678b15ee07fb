package org.takedown.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The application with a bot token, talking to a {@link FakeBotApi} on loopback. */
public class TelegramProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeBotApiResource.class));
    }
}
