package org.takedown.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One row of the append-only audit log; {@link AuditChain} defines its hash. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    public long seq;

    public Instant recordedAt;
    /** The operation the row concerns, if any; hashed only when set, so rows from before it existed keep their hash. */
    public Long operationId;

    public String actor;
    public String action;
    public String entityType;
    public String entityId;
    /** Canonical JSON; hashed exactly as stored. */
    public String summary;

    public String prevHash;
    public String hash;
}
