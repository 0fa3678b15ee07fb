package org.takedown.notice;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One firing of a notice, unique per (notice, due time), so a repeated firing adds nothing. */
@Entity
@Table(name = "notice_run")
public class NoticeRun extends PanacheEntityBase {

    /** What made the run: its schedule, or an officer asking to send now. */
    /** SCHEDULE: a schedule fired; MANUAL: an officer sent it; REACTION: a watch rule matched a new post. */
    public enum Origin {
        SCHEDULE,
        MANUAL,
        REACTION
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long noticeId;
    public long operationId;
    public String noticeTitle;
    /** The occurrence this run stands for (the schedule's time, or the moment an officer asked). */
    public Instant dueAt;

    public Instant firedAt;

    @Enumerated(EnumType.STRING)
    public Origin origin;

    @Enumerated(EnumType.STRING)
    public RunStatus status;

    public String detail;
    /** End of the send window: what is not sent by then is SKIPPED. */
    public Instant sendUntil;

    public String createdBy;
    /** When its targets were checked, just before sending (at once in dry-run); nothing is sent before. */
    public Instant preflightedAt;
    /** A replica is checking the targets until then. */
    public Instant preflightClaimedUntil;
}
