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
import java.util.Optional;

/** An embedded user: bcrypt password hash (Modular Crypt Format, checked by {@link PasswordCheck}) and comma-separated roles. */
@Entity
@Table(name = "user_account")
public class UserAccount extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String username;
    public String passwordHash;
    public String roles;
    /** Managed by configuration ({@code takedown.users.*}): re-synced at start, not editable through the API. */
    public boolean fromConfig;

    public String createdBy;
    public Instant createdAt;

    public static Optional<UserAccount> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public List<String> roleList() {
        return Arrays.stream(roles.split(","))
                .map(String::strip)
                .filter(r -> !r.isEmpty())
                .toList();
    }
}
