package org.takedown.victim.suppression;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.takedown.common.SingleLine;

/**
 * A number (read against {@code region}, default {@code GB}) or an email address to suppress: exactly one of the two.
 */
public record SuppressionRequest(
        @Size(max = 40) String phone,
        @Size(max = 254) String email,

        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as GB")
        String region,

        @NotNull Suppression.Reason reason,
        @Size(max = 1000) @SingleLine String note) {}
