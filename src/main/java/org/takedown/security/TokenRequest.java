package org.takedown.security;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.takedown.common.SingleLine;

/**
 * A new API token: a name saying what it is for, the roles it may use (some of its owner's), and how many days it lives
 * (default 90, at most the configured maximum).
 */
public record TokenRequest(
        @NotBlank @Size(max = 100) @SingleLine String name,

        @NotEmpty @Size(max = 4)
        List<@NotNull @Pattern(regexp = UserRequest.ROLE, message = UserRequest.ROLE_MESSAGE) String> roles,

        @Min(1) @Max(3650) Integer expiresInDays) {}
