package org.takedown.watch;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code value}: for TELEGRAM_CHANNEL a channel name, {@code @name} or {@code https://t.me/name}; for DOMAIN a
 * domain name.
 */
public record WatchTargetRequest(
        @NotNull WatchTargetKind kind,
        @NotBlank @Size(max = 300) String value,
        @Size(max = 1000) String note) {
}
