package org.takedown.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts a {@link FakeChannelPreview} and points the reader at it. The fetch gate lets through its one address,
 * 127.0.0.2/32, and its port: the only exception the gate gets in these tests.
 */
public class FakeChannelPreviewResource implements QuarkusTestResourceLifecycleManager {

    private FakeChannelPreview preview;

    @Override
    public Map<String, String> start() {
        preview = FakeChannelPreview.start();
        return Map.of(
                "takedown.watch.telegram-preview-url", "http://127.0.0.2:" + preview.port(),
                "takedown.fetch.allow-cidrs", "127.0.0.2/32",
                "takedown.fetch.allowed-ports", "80,443," + preview.port());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(preview, new TestInjector.MatchesType(FakeChannelPreview.class));
    }

    @Override
    public void stop() {
        if (preview != null) {
            preview.close();
        }
    }
}
