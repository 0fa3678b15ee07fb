package org.takedown.notice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** An officer's resolution of an UNKNOWN delivery: what they checked ({@code note}) and, if seen, the message id. */
public record ResolveRequest(
        @NotBlank @Size(max = 1000) String note, @Positive Long messageId) {}
