package org.takedown.notice;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import org.takedown.delivery.DispatchConfig;

@ConfigMapping(prefix = "takedown.telegram")
public interface TelegramConfig {

    /**
     * The bot's token ({@code TAKEDOWN_BOT_TOKEN}); never logged or shown. Without one the service runs dry: every
     * delivery is rendered and recorded as DRY_RUN with its exact payload, and nothing is sent.
     */
    Optional<String> botToken();

    /**
     * True: send nothing even with a token ({@code TAKEDOWN_TELEGRAM_DRY_RUN}). The production profile does not start
     * without a token unless this says so (the embedded profile runs dry without one).
     */
    Optional<Boolean> dryRun();

    /** The Bot API server: Telegram's, an on-premise Bot API server, or a test double. */
    Api api();

    interface Api {
        @WithDefault("https")
        String scheme();

        @WithDefault("api.telegram.org")
        String host();

        @WithDefault("443")
        int port();

        /**
         * How long to wait for Telegram's answer; a send without an answer in time is recorded as UNKNOWN. Together
         * with {@code lease-margin} it bounds how long a replica killed outright holds its claims (25 s by default, so
         * another replica takes its rows over within 30 s).
         */
        @WithDefault("15s")
        Duration timeout();
    }

    /** Telegram's limits, shared by every replica through the database. */
    Pace pace();

    interface Pace {
        /** Messages per second for the whole bot (Telegram: about 30). */
        @WithDefault("30")
        double globalPerSecond();

        /** Messages per second into one chat (Telegram: 1). */
        @WithDefault("1")
        double chatPerSecond();

        /** Messages per minute into one group or channel (Telegram: 20). */
        @WithDefault("20")
        double groupPerMinute();

        /**
         * Fraction of the global limit actually used: requests leave here evenly spaced but reach Telegram with
         * network jitter, and a window that sees one request too many answers 429.
         */
        @WithDefault("0.97")
        double headroom();
    }

    /** How the bot learns that it was added to, promoted in, demoted in or removed from a chat. */
    Updates updates();

    interface Updates {
        /** Only with a bot token configured. */
        enum Mode {
            NONE,
            POLLING,
            WEBHOOK
        }

        /**
         * POLLING: {@code getUpdates}, by exactly one replica at a time (a lease in the database). WEBHOOK: Telegram
         * posts to {@code /telegram/webhook/<webhook-path>} and must send {@code webhook-secret-token}.
         */
        @WithDefault("POLLING")
        Mode mode();

        /** The public URL registered with {@code setWebhook} (it must end in /telegram/webhook/{@code webhook-path}). */
        Optional<String> webhookUrl();

        /** The secret last segment of the webhook path. */
        Optional<String> webhookPath();

        /** Telegram sends it as {@code X-Telegram-Bot-Api-Secret-Token}; 1–256 of A-Z, a-z, 0-9, _ and -. */
        Optional<String> webhookSecretToken();

        /** Hosts, besides the officer hosts, on which the webhook path (and nothing else) is reachable. */
        Optional<java.util.List<String>> webhookHosts();

        /** How long the polling replica holds its lease; another replica takes over when it lapses. */
        @WithDefault("30s")
        Duration pollingLease();

        /** Long-polling wait per {@code getUpdates} call (shorter than the lease). */
        @WithDefault("10s")
        Duration pollingTimeout();
    }

    /** The dispatcher that claims ledger rows and sends them. */
    Dispatch dispatch();

    interface Dispatch extends DispatchConfig {

        /** Sends in flight at once on this replica, counting those claimed and waiting for their send slot. */
        @WithDefault("16")
        int workers();
    }

    /**
     * Appended to every notice message so recipients can check it is genuine; {@code {reference}} is the operation's
     * code name and {@code {url}} the verification URL. Telegram HTML, filled and escaped by code.
     */
    @WithDefault("Reference: {reference}")
    String referenceLine();

    /**
     * The official page where recipients verify a reference (e.g. https://police.example/verify); it receives
     * {@code ?ref=<reference>}. When unset, {@code {url}} stays empty.
     */
    Optional<String> verificationUrl();
}
