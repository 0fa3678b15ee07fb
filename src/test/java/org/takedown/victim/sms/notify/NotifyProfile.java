package org.takedown.victim.sms.notify;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The application texting through a {@link FakeNotify} on loopback, retrying and polling quickly. */
public class NotifyProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "takedown.victims.sms.notify.dispatch.backoff-base", "200ms",
                "takedown.victims.sms.notify.dispatch.max-attempts", "3",
                "takedown.victims.sms.notify.dispatch.poll", "200ms",
                "takedown.victims.sms.notify.dispatch.lease-margin", "2s",
                "takedown.victims.sms.notify.poll-after", "5s",
                "takedown.victims.sms.notify.poll-every", "1s");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeNotifyResource.class));
    }
}
