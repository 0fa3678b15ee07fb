package org.takedown.delivery;

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
 * A ledger row: one message (one part of it) to one recipient of one run of one channel, and what became of it. The
 * engine reads only these columns; what a channel needs beyond them it keeps in its own table, keyed by the row's id.
 * {@code address} is where the channel sends (a Telegram chat; never personal data: a channel whose recipients are
 * people keeps a reference here and the address encrypted in its own table).
 */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    /** The channel that sends it ({@link Channel#name()}). */
    public String channel;
    /** The run (of a notice, of a campaign) the row was queued by. */
    public long runId;

    public long operationId;
    /** Who receives it, within the channel: its parts go in order, and a hold on the recipient holds them all. */
    public String recipientKey;
    /** Where the channel sends it, and what it is paced by (one recipient spacing per address). */
    public String address;
    /** What is sent, within the channel: content a provider refuses is refused for every row with this key. */
    public String contentKey;

    public int part;
    public int parts;
    /** What the channel sends, as it will send it; null when the channel renders it at send time. */
    public String payload;
    /** Send slots the row takes from the channel's global rate (an SMS of three fragments takes three). */
    public int weight;

    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;
    /** Retryable failures so far (rate limits are not failures and do not count). */
    public int attempts;

    public Instant notBefore;
    /** After this the row is not sent any more (a send window closed): SKIPPED. */
    public Instant notAfter;
    /** Identifies the claim, so a late answer is recorded only by the worker that made the call. */
    public String claimToken;

    public String claimedBy;
    public Instant claimedUntil;
    /** When the claimed row's request left; null while it waits for its send slot. */
    public Instant startedAt;
    /** Already sent again once to a recipient's new address. */
    public boolean moved;
    /** The provider's id of the sent message (a Telegram message id, an SMSC message id). */
    public String providerId;

    public Instant sentAt;
    /** When a receipt said it reached the recipient. */
    public Instant deliveredAt;

    public String detail;
    /** The officer who resolved an UNKNOWN row (marked sent or resent). */
    public String resolvedBy;

    public Instant updatedAt;
}
