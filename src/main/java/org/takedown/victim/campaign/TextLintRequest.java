package org.takedown.victim.campaign;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * One text to lint as it is typed: the campaign reference and fallbacks it would be rendered with, the country its
 * phone numbers would be read in (default GB) and the cap on parts (default the configured one).
 */
public record TextLintRequest(
        @NotNull @Size(max = 2000) String text,
        @Size(max = 30) String reference,
        @Size(max = 40) Map<@NotNull @Size(max = 40) String, @NotNull @Size(max = 200) String> fallbacks,

        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as GB")
        String region,

        @Min(1) @Max(10) Integer maxFragments) {}
