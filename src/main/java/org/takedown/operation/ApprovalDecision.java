package org.takedown.operation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An approver's decision on submitted content: who, when, under which reference, on exactly which content. */
@Entity
@Table(name = "approval_decision")
public class ApprovalDecision extends PanacheEntityBase {

    public enum Decision {
        APPROVED,
        REJECTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long operationId;

    @Enumerated(EnumType.STRING)
    public Decision decision;

    public String decidedBy;
    public Instant decidedAt;
    public String legalReference;
    public String reason;
    public String contentHash;
    /** The deterministic JSON the hash is over, kept so later changes can be shown as a diff. */
    @Basic(fetch = FetchType.LAZY)
    public String content;
}
