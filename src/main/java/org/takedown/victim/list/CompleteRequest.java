package org.takedown.victim.list;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The upload is complete: it has {@code parts} parts (numbered from 1), and, if given, the whole file's SHA-256, which
 * the import checks before reading a row.
 */
public record CompleteRequest(
        @NotNull @Min(1) @Max(VictimImportService.MAX_PARTS) Integer parts,

        @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lower-case hex digits")
        String sha256) {}
