package org.takedown.victim.list;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One CSV file read into a list: its column mapping, its SHA-256, and the counts of its report. {@code rowsRead} moves
 * forward in the same transaction as the victims of those rows, so an import stopped halfway goes on from there.
 */
@Entity
@Table(name = "victim_import")
public class VictimImport extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long listId;

    @Enumerated(EnumType.STRING)
    public ImportStatus status;

    /** {@link ColumnMapping} as JSON. */
    public String mapping;

    public long bytes;
    public String sha256;
    public long rowsRead;
    public long accepted;
    public long duplicates;
    public long refused;
    /** Reason code → rows, as JSON. */
    public String refusedByReason;
    /** Flag → accepted rows, as JSON. */
    public String flaggedByFlag;

    public String failure;
    public String createdBy;
    public Instant createdAt;
    public String completedBy;
    public Instant completedAt;
}
