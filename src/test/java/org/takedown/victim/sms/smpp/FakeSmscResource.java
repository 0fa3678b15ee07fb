package org.takedown.victim.sms.smpp;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Starts a {@link FakeSmsc} and points the application's SMS channel at it (an SMPP account, so not dry). */
public class FakeSmscResource implements QuarkusTestResourceLifecycleManager {

    private FakeSmsc smsc;

    @Override
    public Map<String, String> start() {
        try {
            smsc = new FakeSmsc();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "takedown.victims.sms.smpp.host", "127.0.0.1",
                "takedown.victims.sms.smpp.port", Integer.toString(smsc.port()),
                "takedown.victims.sms.smpp.system-id", "takedown",
                "takedown.victims.sms.smpp.password", "secret",
                "takedown.victims.sms.smpp.response-timeout", "1s",
                "takedown.victims.sms.smpp.reconnect", "200ms",
                "takedown.victims.sms.smpp.throttle-base", "200ms",
                "takedown.victims.sms.smpp.throttle-max", "1s");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(smsc, new TestInjector.MatchesType(FakeSmsc.class));
    }

    @Override
    public void stop() {
        if (smsc != null) {
            try {
                smsc.close();
            } catch (IOException e) {
                // the test run is ending
            }
        }
    }
}
