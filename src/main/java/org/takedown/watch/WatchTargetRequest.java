package org.takedown.watch;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.takedown.common.SingleLine;

/**
 * {@code value}: for TELEGRAM_CHANNEL a channel name, {@code @name} or {@code https://t.me/name}; for DOMAIN a
 * domain name. {@code readEverySeconds}: how often it is read (1 minute to 7 days; absent: the configured default).
 */
@JsonIgnoreProperties({
    "id", "operationId", "createdAt", "lastReadStatus", "lastReadDetail", "lastReadAt", "lastSeenPost",
    "channelTitle", "channelDescription", "subscribers", "nextReadAt", "takedown", "alert", "alertAt"
})
public record WatchTargetRequest(
        @NotNull WatchTargetKind kind,
        @NotBlank @Size(max = 300) @SingleLine String value,
        @Size(max = 1000) String note,
        @Min(60) @Max(604_800) Integer readEverySeconds) {}
