package org.takedown.victim.sms;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;
import org.takedown.victim.sms.smpp.FakeSmscResource;

/** The application texting through a {@link org.takedown.victim.sms.smpp.FakeSmsc} on loopback, retrying quickly. */
public class SmscProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "takedown.victims.sms.rate", "50",
                "takedown.victims.sms.dispatch.backoff-base", "200ms",
                "takedown.victims.sms.dispatch.max-attempts", "3",
                "takedown.victims.sms.dispatch.poll", "200ms",
                "takedown.victims.sms.dispatch.lease-margin", "2s");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeSmscResource.class));
    }
}
