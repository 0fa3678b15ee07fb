package org.takedown.victim;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.takedown.victim.sms.smpp.ReceiptIds;

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

        /**
         * Message parts ({@code submit_sm}) per second the provider allows: what the channel sends at, each message
         * weighing its parts, and the plan's rate (whether a window's deadline can be met).
         */
        @WithDefault("10")
        double rate();

        /** The share of the rate the channel takes, a margin for the provider's clock. */
        @WithDefault("0.97")
        double headroom();

        /**
         * Run the SMS channel dry: every message is recorded DRY_RUN, nothing is sent. Without an SMSC host the channel
         * is dry anyway; production requires the host or this said explicitly ({@code TAKEDOWN_SMS_DRY_RUN=true}).
         */
        Optional<Boolean> dryRun();

        Smpp smpp();

        Dispatch dispatch();
    }

    /** The SMPP 3.4 account (a transceiver bind). */
    interface Smpp {

        /** The SMSC's host; none: the channel runs dry. */
        Optional<String> host();

        @WithDefault("2775")
        int port();

        Optional<String> systemId();

        /** The bind password (a secret: from the environment, never a file in the image). */
        Optional<String> password();

        Optional<String> systemType();

        /** How long a {@code submit_sm} waits for its answer before the message is UNKNOWN. */
        @WithDefault("10s")
        Duration responseTimeout();

        /** enquire_link while idle. */
        @WithDefault("30s")
        Duration enquireLink();

        /** How often a lost or refused bind is tried again. */
        @WithDefault("5s")
        Duration reconnect();

        /** The pause after the SMSC said throttled or queue full, doubling up to {@link #throttleMax()}. */
        @WithDefault("1s")
        Duration throttleBase();

        @WithDefault("30s")
        Duration throttleMax();

        /**
         * How the SMSC writes a message id in its receipts against its answer to {@code submit_sm}: the same
         * ({@code AS_ANSWERED}), the decimal value of a hexadecimal answer ({@code DECIMAL_OF_HEX}) or the reverse.
         */
        @WithDefault("AS_ANSWERED")
        ReceiptIds receiptIds();

        /** Messages outstanding at once (submitted, not yet answered) on this replica: the SMPP window. */
        @WithDefault("10")
        int window();
    }

    /** How this replica dispatches SMS rows (as for Telegram: {@code takedown.telegram.dispatch}). */
    interface Dispatch {

        /** Off: this replica sends no SMS (others may). */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("300ms")
        Duration lookahead();

        /** Attempts for technical failures (no bind, a refusal that may pass) before FAILED_RETRYABLE. */
        @WithDefault("5")
        int maxAttempts();

        @WithDefault("2s")
        Duration backoffBase();

        @WithDefault("5m")
        Duration backoffMax();

        @WithDefault("10s")
        Duration leaseMargin();

        @WithDefault("1s")
        Duration poll();
    }
}
