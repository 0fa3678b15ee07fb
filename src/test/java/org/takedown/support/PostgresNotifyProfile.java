package org.takedown.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.takedown.victim.sms.notify.FakeNotifyResource;
import org.takedown.victim.sms.notify.NotifyProfile;

/** {@link NotifyProfile} on a real PostgreSQL. */
public class PostgresNotifyProfile extends NotifyProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.putAll(new PostgresProfile().getConfigOverrides());
        return overrides;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(
                new TestResourceEntry(FakeNotifyResource.class), new TestResourceEntry(EmbeddedPostgresResource.class));
    }
}
