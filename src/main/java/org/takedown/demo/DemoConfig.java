package org.takedown.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "takedown.demo")
public interface DemoConfig {

    /** Load the demo operation at start if it is not there yet (embedded profile: true; prod: false). */
    @WithDefault("false")
    boolean enabled();
}
