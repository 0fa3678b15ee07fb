package org.takedown.seizure;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A domain seized under an operation; its banner is live from {@code liveFrom} until {@code liveUntil}. */
@Entity
@Table(name = "seized_domain")
public class SeizedDomain extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public long operationId;
    /** Normalised: lowercase, no trailing dot, punycode. */
    public String hostname;
    public Instant liveFrom;
    public Instant liveUntil;
    public Instant createdAt;
}
