package org.takedown.support;

import java.util.List;
import java.util.Map;

/** {@link DomainProbeProfile} on a real PostgreSQL. */
public class PostgresDomainProbeProfile extends DomainProbeProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return PostgresProfile.overrides(super.getConfigOverrides());
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return PostgresProfile.resources(super.testResources());
    }
}
