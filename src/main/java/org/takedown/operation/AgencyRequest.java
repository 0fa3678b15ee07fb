package org.takedown.operation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.takedown.common.HttpsUrl;
import org.takedown.common.SingleLine;

/** An agency's name, website (https only) and place on the banner. Its emblem is uploaded separately. */
@JsonIgnoreProperties({"id", "operationId", "emblemContentType", "emblemSha256", "createdAt"})
public record AgencyRequest(
        @NotBlank @Size(max = 200) @SingleLine String name,
        @HttpsUrl String website,
        @NotNull @Min(0) @Max(1000) Integer displayOrder) {}
