package org.takedown.victim.sms;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.takedown.victim.sms.notify.FakeNotifyResource;
import org.takedown.victim.sms.notify.NotifyProfile;
import org.takedown.victim.sms.smpp.FakeSmscResource;

/** Both SMS providers on loopback (a fake SMSC and a fake Notify), failing over after two seconds down. */
public class FailoverProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(new SmscProfile().getConfigOverrides());
        overrides.putAll(new NotifyProfile().getConfigOverrides());
        overrides.put("takedown.victims.sms.failover-after", "2s");
        return overrides;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeSmscResource.class), new TestResourceEntry(FakeNotifyResource.class));
    }
}
