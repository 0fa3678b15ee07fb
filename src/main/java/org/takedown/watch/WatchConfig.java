package org.takedown.watch;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

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

    /** How often a watched channel is read unless its target says otherwise. */
    @WithDefault("15m")
    Duration channelReadEvery();

    /** Each read is rescheduled within this fraction either side of the interval, so reads do not bunch up. */
    @WithDefault("0.1")
    double readJitter();

    /** A watched channel triggers a rule's notice at most once in this time; later matches are recorded as held back. */
    @WithDefault("1h")
    Duration reactionMinInterval();

    /** How often the watch cycle looks for due reads (Quartz, once across replicas); "off" stops scheduled reads. */
    @WithDefault("10s")
    String cycleEvery();

    /** Reads running at once on a replica: a slow target holds one of them, never the others. */
    @WithDefault("8")
    int concurrency();
}
