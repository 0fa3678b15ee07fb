package org.takedown.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;

@ConfigMapping(prefix = "takedown")
public interface SecurityConfig {

    /** Hosts on which the officer routes (/api, /console, /q) answer; every other Host gets a neutral 404. */
    @WithDefault("localhost,127.0.0.1")
    List<String> officerHosts();

    /** Embedded users managed by configuration: {@code takedown.users.<name>.password-hash} and {@code .roles}. */
    Map<String, ConfiguredUser> users();

    /** Password and token checks, for the API and the console's sign-in alike. */
    Auth auth();

    interface ConfiguredUser {
        /** bcrypt hash in Modular Crypt Format ({@code $2a$...}); never a clear-text password. */
        String passwordHash();

        List<String> roles();
    }

    interface Auth {
        /** Failed attempts within the window after which a user name is refused from one client address. */
        @WithDefault("5")
        int failuresPerUserAndClient();

        /** Failed attempts from one client address (any user name) within the window; officers may share an address. */
        @WithDefault("30")
        int failuresPerClient();

        /** Failed attempts for one user name from any address within the window: guessing spread over many addresses. */
        @WithDefault("50")
        int failuresPerUser();

        @WithDefault("15m")
        Duration failureWindow();

        /** Threads that compute password hashes: bcrypt is slow on purpose, and must not take the CPU banners need. */
        @WithDefault("1")
        int hashingThreads();

        /** Password checks waiting for a hashing thread; beyond this a check is refused at once (503, try again). */
        @WithDefault("16")
        int hashingQueue();

        /**
         * The share of one core that password hashing may use on average (bursts of up to a second of hashing are
         * allowed): guesses from many addresses, which no throttle can tell apart, then cost the banners at most this.
         * Beyond it a check is refused at once (503); verified passwords and API tokens need no hashing.
         */
        @WithDefault("0.1")
        double hashingShare();

        /**
         * How long a verified password is remembered (as a salted SHA-256, in memory only) so that its next use needs
         * no bcrypt. The stored hash is compared on every use: a new password or a removed user ends it at once.
         */
        @WithDefault("5m")
        Duration verifiedFor();

        /** The longest an API token may live. */
        @WithDefault("365d")
        Duration tokenMaxLifetime();
    }
}
