package org.takedown.support;

import java.util.List;
import java.util.Map;

/** {@link ChannelWatchProfile} on a real PostgreSQL. */
public class PostgresChannelWatchProfile extends ChannelWatchProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return PostgresProfile.overrides(super.getConfigOverrides());
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return PostgresProfile.resources(super.testResources());
    }
}
