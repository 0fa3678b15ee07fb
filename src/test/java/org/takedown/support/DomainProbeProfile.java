package org.takedown.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The application probing domains against {@link FakeDns} and {@link FakeSites}. */
public class DomainProbeProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeDomainsResource.class));
    }
}
