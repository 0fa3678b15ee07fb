package org.takedown.security;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Bodies of the users API. */
public final class UserRequest {

    static final String USERNAME = "[a-z0-9][a-z0-9._-]{2,63}";
    static final String ROLE = "viewer|officer|approver|admin";
    static final String ROLE_MESSAGE = "must be one of viewer, officer, approver, admin";

    private UserRequest() {}

    public record Create(
            @NotNull @Pattern(regexp = USERNAME, message = "must be 3-64 characters: a-z, 0-9, '.', '_' or '-'")
            String username,

            @NotBlank @Size(min = 12, max = 128, message = "must be 12 to 128 characters")
            String password,

            @NotEmpty @Size(max = 4) List<@NotNull @Pattern(regexp = ROLE, message = ROLE_MESSAGE) String> roles) {}

    /** Absent fields are left unchanged. */
    @JsonIgnoreProperties({"username", "managedByConfiguration", "createdBy", "createdAt"})
    public record Update(
            @Size(min = 12, max = 128, message = "must be 12 to 128 characters")
            String password,

            @Size(min = 1, max = 4) List<@NotNull @Pattern(regexp = ROLE, message = ROLE_MESSAGE) String> roles) {}
}
