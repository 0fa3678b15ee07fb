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

/** A fraud channel or domain the operation keeps watching. Internal: not part of the approved content. */
@Entity
@Table(name = "watch_target")
public class WatchTarget extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long operationId;

    @Enumerated(EnumType.STRING)
    public WatchTargetKind kind;
    /** Channel name without {@code @}, or a normalised domain. */
    @Column(name = "target_value")
    public String value;

    public String note;
    public Instant createdAt;
    /** Channels: the newest post stored; a read goes back page by page until it meets it. */
    public Long lastSeenPost;

    public Instant lastReadAt;

    @Enumerated(EnumType.STRING)
    public ReadStatus lastReadStatus;

    public String lastReadDetail;
    /** After a 429: no read before this. */
    public Instant readNotBefore;
    /** This target's read interval, when it differs from the configured default. */
    public Integer readEverySeconds;
    /** When the next scheduled read is due. */
    public Instant nextReadAt;
    /** Of a watched domain the operation seized: whether the last probe found the takedown in place. */
    @Enumerated(EnumType.STRING)
    public DomainProbe.Takedown takedown;
    /** The last alert raised about this target (takedown lost, name servers changed), until the next one. */
    public String alert;

    public Instant alertAt;
    public String channelTitle;
    /** The channel's "about" as its preview showed it last (often naming the mirror site). */
    public String channelDescription;

    public Long subscribers;

    /** How the last read of a channel went. */
    public enum ReadStatus {
        OK,
        NO_PUBLIC_PREVIEW,
        RATE_LIMITED,
        FAILED,
        READER_ALERT
    }
}
