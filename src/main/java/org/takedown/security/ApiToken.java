package org.takedown.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * An API token: only the SHA-256 of the token is stored (the token itself is shown once, when created). It acts for
 * {@code username} with at most {@code roles}, until it expires or is revoked.
 */
@Entity
@Table(name = "api_token")
public class ApiToken extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String tokenHash;
    public String username;
    /** Created by an embedded user: the token's roles are cut to the user's own at every use, and end with the user. */
    public boolean embedded;

    public String name;
    public String roles;
    public Instant createdAt;
    public Instant expiresAt;
    public Instant lastUsedAt;
    public Instant revokedAt;
    public String revokedBy;

    public List<String> roleList() {
        return Arrays.stream(roles.split(","))
                .map(String::strip)
                .filter(r -> !r.isEmpty())
                .toList();
    }

    public boolean activeAt(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
