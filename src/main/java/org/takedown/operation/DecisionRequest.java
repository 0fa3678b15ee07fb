package org.takedown.operation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.takedown.common.SingleLine;

/** Bodies of the lifecycle calls. */
public final class DecisionRequest {

    private DecisionRequest() {}

    /**
     * The approver quotes the legal authority's reference; {@code contentHash}, when given, must be the hash of
     * the content the approver reviewed ({@code GET .../content}), so nothing changed in between.
     */
    public record Approve(
            @NotBlank @Size(max = 200) @SingleLine String legalReference,

            @Pattern(regexp = "[0-9a-f]{64}", message = "must be a SHA-256 hex digest")
            String contentHash) {}

    public record Reject(@NotBlank @Size(max = 2000) String reason) {}

    /** Optional body of submit, activate, pause, resume, end and cancel. */
    public record Note(@Size(max = 2000) String reason) {}
}
