package org.takedown.victim;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.takedown.delivery.DispatchConfig;
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

        /**
         * How long a campaign's provider must have been unreachable (no SMPP bind; no answer from Notify) before the
         * messages not yet sent move to the campaign's fallback provider.
         */
        @WithDefault("2m")
        Duration failoverAfter();

        Smpp smpp();

        DispatchConfig dispatch();

        @WithName("notify")
        Notify govNotify();
    }

    /**
     * A GOV.UK Notify service, for campaigns whose provider is {@code NOTIFY}: its API key, and a text message
     * template whose whole body is {@code ((message))} (the campaign's text, rendered per recipient, is that value).
     */
    interface Notify {

        /** The API key ({@code <name>-<service id>-<secret>}; a secret: from the environment). None: Notify is off. */
        Optional<String> apiKey();

        @WithDefault("https://api.notifications.service.gov.uk")
        String baseUrl();

        /** The id of the template whose body is {@code ((message))}. */
        Optional<String> templateId();

        /** Which of the service's text message senders to use (its id in Notify); none: the service's default. */
        Optional<String> smsSenderId();

        /** Requests per second: Notify allows 3,000 a minute per API key, sends and status reads alike. */
        @WithDefault("50")
        double rate();

        /** Requests in flight at once on this replica. */
        @WithDefault("8")
        int workers();

        /** How long a request may take to connect and to be answered; a send left without an answer is UNKNOWN. */
        @WithDefault("10s")
        Duration timeout();

        /**
         * The bearer token Notify presents on its delivery-status callbacks (set in Notify's callback settings, at
         * least 10 characters). None: callbacks are refused and statuses are read by polling only.
         */
        Optional<String> callbackToken();

        /** A message still without a final status this long after it was sent is read from Notify (polling). */
        @WithDefault("10m")
        Duration pollAfter();

        /** How often statuses are polled for, once across replicas. */
        @WithDefault("60s")
        Duration pollEvery();

        /** The most statuses one poll reads (each a request counted in the rate). */
        @WithDefault("60")
        int pollBatch();

        DispatchConfig dispatch();
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
}
