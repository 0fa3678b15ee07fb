package org.takedown.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A signed-in console user. The browser holds a random token; this row holds its SHA-256, never the token. */
@Entity
@Table(name = "console_session")
public class ConsoleSession extends PanacheEntityBase {

    @Id
    public String tokenHash;

    public String username;
    /** Sent with every state-changing console request (header {@code X-CSRF-Token}). */
    public String csrfToken;
    /** Roles given by the identity provider at sign-in (comma-separated); null for an embedded user. */
    public String roles;

    public Instant createdAt;
    public Instant lastSeenAt;
}
