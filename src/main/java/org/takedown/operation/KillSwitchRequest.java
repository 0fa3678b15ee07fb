package org.takedown.operation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Engage (with a reason; optionally stopping banners too) or release the global kill switch. */
@JsonIgnoreProperties({"sendingStopped", "bannersStopped", "changedBy", "changedAt"})
public record KillSwitchRequest(
        @NotNull Boolean engaged,
        Boolean includeBanners,
        @Size(max = 1000) String reason) {}
