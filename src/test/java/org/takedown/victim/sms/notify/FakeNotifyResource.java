package org.takedown.victim.sms.notify;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Starts a {@link FakeNotify} and points the application's Notify channel at it (an API key, so not dry). */
public class FakeNotifyResource implements QuarkusTestResourceLifecycleManager {

    /** The bearer token the service expects on Notify's callbacks. */
    public static final String CALLBACK_TOKEN = "callback-token-of-the-tests";

    private FakeNotify notify;

    @Override
    public Map<String, String> start() {
        try {
            notify = new FakeNotify();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "takedown.victims.sms.notify.api-key",
                FakeNotify.API_KEY,
                "takedown.victims.sms.notify.base-url",
                "http://127.0.0.1:" + notify.port(),
                "takedown.victims.sms.notify.template-id",
                FakeNotify.TEMPLATE_ID,
                "takedown.victims.sms.notify.callback-token",
                CALLBACK_TOKEN,
                "takedown.victims.sms.notify.timeout",
                "1s");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(notify, new TestInjector.MatchesType(FakeNotify.class));
    }

    @Override
    public void stop() {
        if (notify != null) {
            notify.close();
        }
    }
}
