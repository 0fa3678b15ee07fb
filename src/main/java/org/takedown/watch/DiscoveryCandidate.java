package org.takedown.watch;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A domain or channel handle seen in a watched channel that the operation does not watch yet. */
@Entity
@Table(name = "discovery_candidate")
public class DiscoveryCandidate extends PanacheEntityBase {

    public enum Status {
        NEW,
        ACCEPTED,
        DISMISSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long operationId;
    /** DOMAIN, or TELEGRAM_CHANNEL for a handle. */
    @Enumerated(EnumType.STRING)
    public WatchTargetKind kind;

    @Column(name = "candidate_value")
    public String value;

    public Long sourceTargetId;
    public Long sourcePostId;
    /** The domain probe whose page named it, when it came from a page rather than a post. */
    public Long sourceProbeId;
    /** Written defanged where it was found ({@code example[.]com}, {@code hxxps://}). */
    public boolean defanged;

    @Enumerated(EnumType.STRING)
    public Status status;
    /** The watch target an accepted candidate became. */
    public Long watchTargetId;

    public String decidedBy;
    public Instant decidedAt;
    public Instant createdAt;
}
