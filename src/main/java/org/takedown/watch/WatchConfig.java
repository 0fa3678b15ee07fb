package org.takedown.watch;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Watching: where public channel previews are read, and how far back. */
@ConfigMapping(prefix = "takedown.watch")
public interface WatchConfig {

    /** Base of the public channel previews ({@code <base>/s/<channel>}); tests point it at a fixture server. */
    @WithDefault("https://t.me")
    String telegramPreviewUrl();

    /** Pages read back on a channel's first read. */
    @WithDefault("3")
    int firstReadPages();

    /** Pages read back at most per read; a channel that posted more since the last read leaves a gap, said so. */
    @WithDefault("20")
    int maxReadPages();
}
