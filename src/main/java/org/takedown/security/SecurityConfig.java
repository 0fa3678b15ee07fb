package org.takedown.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;

@ConfigMapping(prefix = "takedown")
public interface SecurityConfig {

    /** Hosts on which the officer routes (/api, /console, /q) answer; every other Host gets a neutral 404. */
    @WithDefault("localhost,127.0.0.1")
    List<String> officerHosts();

    /** Embedded users managed by configuration: {@code takedown.users.<name>.password-hash} and {@code .roles}. */
    Map<String, ConfiguredUser> users();

    interface ConfiguredUser {
        /** bcrypt hash in Modular Crypt Format ({@code $2a$...}); never a clear-text password. */
        String passwordHash();

        List<String> roles();
    }
}
