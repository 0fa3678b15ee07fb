package org.takedown.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts a {@link FakeBotApi} and points the application's Telegram client at it (with a bot token). */
public class FakeBotApiResource implements QuarkusTestResourceLifecycleManager {

    private FakeBotApi api;

    @Override
    public Map<String, String> start() {
        api = FakeBotApi.start();
        return Map.of(
                "takedown.telegram.bot-token", FakeBotApi.TOKEN,
                "takedown.telegram.api.scheme", "http",
                "takedown.telegram.api.host", "127.0.0.1",
                "takedown.telegram.api.port", Integer.toString(api.port()),
                "takedown.telegram.api.timeout", "2s");
    }

    /** The fake, once started: a subclass may tell it about chats before the application starts. */
    protected FakeBotApi api() {
        return api;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(api, new TestInjector.MatchesType(FakeBotApi.class));
    }

    @Override
    public void stop() {
        if (api != null) {
            api.close();
        }
    }
}
