package org.takedown.seizure;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.List;
import org.takedown.common.DomainName;
import org.takedown.common.HttpsUrl;

/**
 * A seized domain. {@code liveFrom}/{@code liveUntil} are local times in the operation's zone (open when absent);
 * {@code includeWww} and {@code aliases} add host names; {@code unavailableForLegalReasons} answers 451 with a
 * {@code Link} to {@code blockedBy} (required then).
 */
@JsonIgnoreProperties({"id", "operationId", "displayName", "liveFromUtc", "liveUntilUtc", "state", "createdAt"})
public record SeizedDomainRequest(
        @NotNull @Size(max = 300) @DomainName String hostname,
        LocalDateTime liveFrom,
        LocalDateTime liveUntil,
        Boolean includeWww,
        @Size(max = 50) List<@NotNull @Size(max = 300) @DomainName String> aliases,
        Boolean unavailableForLegalReasons,
        @HttpsUrl String blockedBy) {

    public SeizedDomainRequest(String hostname, LocalDateTime liveFrom, LocalDateTime liveUntil) {
        this(hostname, liveFrom, liveUntil, null, null, null, null);
    }
}
