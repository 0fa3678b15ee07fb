package org.takedown.victim;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Victim lists: where the personal-data keys are, and what the phone check lets through. */
@ConfigMapping(prefix = "takedown.victims")
public interface VictimsConfig {

    /**
     * The personal-data key file ({@code docs/victims.md} shows its form). Production names it (a mounted secret);
     * elsewhere it defaults to {@code ./data/personal-data.keys}.
     */
    Path keyFile();

    /** Create the key file when it is missing (the embedded default); production refuses to start without one. */
    @WithDefault("false")
    boolean createKeyFile();

    /**
     * Accept Ofcom's drama range (07700 900000–900999), which is reserved for fiction and never reaches a phone. Only the
     * test profile turns this on: its fixtures are written in that range.
     */
    @WithDefault("false")
    boolean allowDramaRange();

    /** The largest victim list file accepted, in bytes (uploaded in parts within the request size limit). */
    @WithDefault("268435456")
    long maxFileBytes();

    /** Victims' personal data is purged this long after their operation ended or was cancelled. */
    @WithDefault("30d")
    Duration retention();

    /** The roles that may reveal a victim or export a list, each time with a written justification. */
    @WithDefault("officer")
    List<String> revealRoles();
}
