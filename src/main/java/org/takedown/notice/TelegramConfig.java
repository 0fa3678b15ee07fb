package org.takedown.notice;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

@ConfigMapping(prefix = "takedown.telegram")
public interface TelegramConfig {

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
