package org.takedown.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.takedown.victim.sms.SmscProfile;
import org.takedown.victim.sms.smpp.FakeSmscResource;

/** {@link SmscProfile} on a real PostgreSQL: claims skip locked rows, the run builder's slices lock the run. */
public class PostgresSmscProfile extends SmscProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.putAll(new PostgresProfile().getConfigOverrides());
        return overrides;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(
                new TestResourceEntry(FakeSmscResource.class), new TestResourceEntry(EmbeddedPostgresResource.class));
    }
}
