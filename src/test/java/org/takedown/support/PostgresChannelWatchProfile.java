package org.takedown.support;

import java.util.List;
import java.util.Map;

/** {@link ChannelWatchProfile} on a real PostgreSQL. */
public class PostgresChannelWatchProfile extends ChannelWatchProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return new PostgresProfile().getConfigOverrides();
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(
                new TestResourceEntry(FakeChannelPreviewResource.class),
                new TestResourceEntry(EmbeddedPostgresResource.class));
    }
}
