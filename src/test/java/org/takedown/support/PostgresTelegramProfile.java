package org.takedown.support;

import java.util.List;
import java.util.Map;

/** {@link TelegramProfile} on a real PostgreSQL: the claim query's row locks are PostgreSQL's ({@code SKIP LOCKED}). */
public class PostgresTelegramProfile extends TelegramProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return PostgresProfile.overrides(super.getConfigOverrides());
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return PostgresProfile.resources(super.testResources());
    }
}
