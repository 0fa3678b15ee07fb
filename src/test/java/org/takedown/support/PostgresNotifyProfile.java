package org.takedown.support;

import java.util.List;
import java.util.Map;
import org.takedown.victim.sms.notify.NotifyProfile;

/** {@link NotifyProfile} on a real PostgreSQL. */
public class PostgresNotifyProfile extends NotifyProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return PostgresProfile.overrides(super.getConfigOverrides());
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return PostgresProfile.resources(super.testResources());
    }
}
