package org.takedown.seizure;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import org.takedown.common.DomainName;

/** A seized domain; {@code liveFrom}/{@code liveUntil} are local times in the operation's zone (open when absent). */
public record SeizedDomainRequest(
        @NotNull @Size(max = 300) @DomainName String hostname,
        LocalDateTime liveFrom,
        LocalDateTime liveUntil) {
}
