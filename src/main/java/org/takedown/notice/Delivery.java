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

/** A ledger row: one message (one part of a notice) to one chat in one run, and what became of it. */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    /** Pinning after the message was sent: pinning again is harmless, so it needs no ledger of its own. */
    public enum PinStatus { PENDING, PINNED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public long runId;
    public long operationId;
    public long noticeId;
    public long targetId;
    public int part;
    public int parts;
    /** The chat as it is sent to; follows a group's migration to a supergroup. */
    public String chat;
    public String language;
    /** The exact Telegram HTML sent (or, in dry-run, that would have been). */
    public String payload;
    /** Part 0 of a notice with an image: sent as this photo ({@link NoticeImage}) with the payload as caption. */
    public String photoSha256;
    public boolean silent;
    public boolean pin;
    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;
    /** Retryable failures so far (429s are not failures and do not count). */
    public int attempts;
    public Instant notBefore;
    /** Identifies the claim, so a late answer is recorded only by the worker that made the call. */
    public String claimToken;
    public String claimedBy;
    public Instant claimedUntil;
    /** When the claimed row's request left for Telegram; null while it waits for its send slot. */
    public Instant startedAt;
    /** Already resent once after a group-to-supergroup migration. */
    public boolean migrated;
    public Long messageId;
    public Instant sentAt;
    @Enumerated(EnumType.STRING)
    public PinStatus pinStatus;
    public String detail;
    /** The officer who resolved an UNKNOWN row (marked sent or resent). */
    public String resolvedBy;
    public Instant updatedAt;
}
