package org.takedown.operation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.takedown.common.SingleLine;

/**
 * Body of create and update (a full replacement). {@code activateAt}/{@code endAt} are local times in
 * {@code timezone}; when set, approval arms them and the operation activates and ends by itself. {@code version}, when
 * given (as a GET returns it), must still be the operation's: a change someone else made meanwhile is not overwritten.
 */
@JsonIgnoreProperties({
    "id",
    "status",
    "pausedFrom",
    "activateAtUtc",
    "endAtUtc",
    "contentHash",
    "approvedContentHash",
    "changedSinceApproval",
    "submittedBy",
    "submittedAt",
    "contentAuthors",
    "createdBy",
    "createdAt",
    "updatedBy",
    "updatedAt"
})
public record OperationRequest(
        @NotBlank @Size(max = 200) @SingleLine String name,

        @NotNull @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,39}", message = "must be 2-40 characters: A-Z, 0-9 or '-'")
        String codeName,

        @Size(max = 4000) String description,
        @NotNull @IanaZone String timezone,
        @NotNull @Valid LegalAuthorityInput legalAuthority,
        LocalDateTime activateAt,
        LocalDateTime endAt,
        Long version) {

    public OperationRequest(
            String name,
            String codeName,
            String description,
            String timezone,
            LegalAuthorityInput legalAuthority,
            LocalDateTime activateAt,
            LocalDateTime endAt) {
        this(name, codeName, description, timezone, legalAuthority, activateAt, endAt, null);
    }

    public record LegalAuthorityInput(
            @NotNull LegalAuthorityType type,
            @NotBlank @Size(max = 200) @SingleLine String reference,
            @NotBlank @Size(max = 200) @SingleLine String issuedBy,
            @NotNull @PastOrPresent LocalDate issuedOn) {}
}
