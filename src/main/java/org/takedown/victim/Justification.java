package org.takedown.victim;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an officer reveals, exports or stops suppressing a victim's personal data: the audit chain keeps it. */
public record Justification(
        @NotBlank @Size(min = 10, max = 1000, message = "say why, in 10 to 1000 characters")
        String justification) {}
