package org.takedown.seizure;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

@ConfigMapping(prefix = "takedown.banner")
public interface BannerConfig {

    /**
     * Directory with an agency's banner templates ({@code banner.html}, {@code banner.css}, {@code countdown.js},
     * {@code favicon.svg}); a file missing there falls back to the built-in default from {@code templates/banner}.
     */
    @WithDefault("templates/banner")
    Path templatesDir();

    /** Whether search engines may index banner pages ({@code robots.txt}). */
    @WithDefault("false")
    boolean allowIndexing();

    /** How often each replica checks whether the banner snapshot changed (changes made here apply at once). */
    @WithDefault("500ms")
    Duration refreshInterval();

    /** How often visit counters and the per-visit log are written to the database. */
    @WithDefault("5s")
    Duration visitFlushInterval();

    /** How long per-minute visit counters are kept. */
    @WithDefault("400d")
    Duration visitCounterRetention();

    /** Per-visit log entries held in memory between flushes at most; beyond that they are counted as dropped. */
    @WithDefault("100000")
    int visitLogQueueLimit();
}
