package org.takedown.notice;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "takedown.telegram")
public interface TelegramConfig {

    /**
     * The bot's token ({@code TAKEDOWN_BOT_TOKEN}); never logged or shown. Without one the service runs dry: every
     * delivery is rendered and recorded as DRY_RUN with its exact payload, and nothing is sent.
     */
    Optional<String> botToken();

    /** The Bot API server: Telegram's, an on-premise Bot API server, or a test double. */
    Api api();

    interface Api {
        @WithDefault("https")
        String scheme();

        @WithDefault("api.telegram.org")
        String host();

        @WithDefault("443")
        int port();

        /** How long to wait for Telegram's answer; a send without an answer in time is recorded as UNKNOWN. */
        @WithDefault("30s")
        Duration timeout();
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
