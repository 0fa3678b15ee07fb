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

/**
 * What an operation looks for in what it watches: a keyword or a regular expression, case-insensitive; optionally the
 * notice to send when a new post matches.
 */
@Entity
@Table(name = "watch_rule")
public class WatchRule extends PanacheEntityBase {

    public enum Kind {
        KEYWORD,
        REGEX
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long operationId;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public String pattern;
    public Instant createdAt;
    /** The notice sent when a new post matches (a reactive warning), if any. Part of the approved content. */
    public Long reactNoticeId;
    /** Reactions held back for now; pausing needs no approval. */
    public boolean reactionsPaused;
}
