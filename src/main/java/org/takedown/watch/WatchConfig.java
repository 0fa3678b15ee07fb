package org.takedown.watch;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Watching: where public channel previews are read. */
@ConfigMapping(prefix = "takedown.watch")
public interface WatchConfig {

    /** Base of the public channel previews ({@code <base>/s/<channel>}); tests point it at a fixture server. */
    @WithDefault("https://t.me")
    String telegramPreviewUrl();
}
