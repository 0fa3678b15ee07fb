package org.takedown.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The tip of the chain (single row). Locked by every append, so appends are serialised and gapless. */
@Entity
@Table(name = "audit_head")
public class AuditHead extends PanacheEntityBase {

    static final int ID = 1;

    @Id
    public int id;

    public long lastSeq;
    public String lastHash;
}
