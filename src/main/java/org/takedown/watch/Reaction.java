package org.takedown.watch;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A rule with a notice matched a new post: what was done about it, once per (notice, post). */
@Entity
@Table(name = "watch_reaction")
public class Reaction extends PanacheEntityBase {

    /**
     * QUEUED: a notice run was queued; BLOCKED: the run was refused (the notice fails lint or was blocked); the rest
     * were held back: the rule's reactions are paused, the operation is not ACTIVE, or the channel already triggered
     * this notice within the minimum interval.
     */
    public enum Outcome {
        QUEUED,
        BLOCKED,
        PAUSED,
        NOT_ACTIVE,
        RATE_LIMITED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long operationId;
    public long ruleId;
    public long noticeId;
    public long targetId;
    /** The stored post ({@link WatchPost#id}). */
    public long postId;

    public long sightingId;
    public Long runId;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    public String detail;
    public Instant createdAt;
}
