package org.takedown.victim.list;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.takedown.common.SingleLine;

/**
 * A new victim list. {@code region}: the country numbers without a country code belong to (default {@code GB});
 * {@code otherRegions}: the other countries whose numbers the list accepts, flagged (default none).
 */
public record VictimListRequest(
        @NotBlank @Size(max = 200) @SingleLine String name,

        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as GB")
        String region,

        @Size(max = 50)
        List<@NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be ISO 3166-1 alpha-2 codes") String>
                otherRegions) {}
