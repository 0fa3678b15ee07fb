package org.takedown.watch;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A rule matched a read post: where, by which rule (its pattern as it was then), and the words around the match. */
@Entity
@Table(name = "sighting")
public class Sighting extends PanacheEntityBase {

    @Id
    // Ids come in blocks of 50 from a sequence, so the rows a read finds are inserted as JDBC batches.
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sighting_ids")
    @SequenceGenerator(name = "sighting_ids", sequenceName = "sighting_seq", allocationSize = 50)
    public Long id;

    public long operationId;
    public long targetId;
    /** The stored post ({@link WatchPost#id}), or null for a sighting on a probed page. */
    public Long postId;
    /** The probe of the page ({@link DomainProbe#id}), for a sighting on a probed domain's page. */
    public Long probeId;

    public long ruleId;
    /** The capture of the page the post was read on. */
    public Long captureId;

    public String rulePattern;
    public String excerpt;
    public Instant createdAt;
}
