package org.takedown.support;

import java.util.List;
import java.util.Map;
import org.takedown.victim.sms.SmscProfile;

/** {@link SmscProfile} on a real PostgreSQL: claims skip locked rows, the run builder's slices lock the run. */
public class PostgresSmscProfile extends SmscProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return PostgresProfile.overrides(super.getConfigOverrides());
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return PostgresProfile.resources(super.testResources());
    }
}
