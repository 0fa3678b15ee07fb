package org.takedown.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "takedown.console")
public interface ConsoleSessionConfig {

    /** A console session not used for this long ends. */
    @WithDefault("30m")
    Duration idleTimeout();

    /** A console session ends this long after login, however busy. */
    @WithDefault("12h")
    Duration absoluteTimeout();
}
