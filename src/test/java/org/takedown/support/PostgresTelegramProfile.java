package org.takedown.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link TelegramProfile} on a real PostgreSQL: the claim query's row locks are PostgreSQL's ({@code SKIP LOCKED}). */
public class PostgresTelegramProfile extends TelegramProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.putAll(new PostgresProfile().getConfigOverrides());
        return overrides;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(
                new TestResourceEntry(FakeBotApiResource.class), new TestResourceEntry(EmbeddedPostgresResource.class));
    }
}
