package org.takedown.operation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An agency taking part in an operation, shown on the banner in display order with its emblem. */
@Entity
@Table(name = "agency")
public class Agency extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long operationId;
    public String name;
    public String website;
    public int displayOrder;
    public String emblemContentType;

    @Basic(fetch = FetchType.LAZY)
    public byte[] emblem;

    public String emblemSha256;
    public Instant createdAt;
}
