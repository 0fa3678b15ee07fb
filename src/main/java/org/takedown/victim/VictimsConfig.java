package org.takedown.victim;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Victim lists and messages: where the personal-data keys are, what the phone check lets through, SMS rules. */
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

    /**
     * The force's official domains (lower case), the only ones a victim message may name, written bare
     * ({@code met.police.uk/elaborate}); none by default, so a message names no domain at all.
     */
    Optional<List<String>> officialDomains();

    Sms sms();

    interface Sms {

        /** The most parts a message may take: above it a campaign cannot be saved or approved. */
        @WithDefault("3")
        int maxFragments();

        /** What the provider charges per part, for the campaign's cost estimate. */
        @WithDefault("0.03")
        BigDecimal pricePerFragment();

        @WithDefault("GBP")
        String currency();

        /** Messages per second the provider allows: the plan's rate (whether a window's deadline can be met). */
        @WithDefault("10")
        double rate();
    }
}
