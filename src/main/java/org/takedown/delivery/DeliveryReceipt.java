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
 * A delivery receipt as a provider sent it, kept whether or not it matched a row: one for a message id not (yet)
 * known waits for the row that records that id, and one for an old row is recorded all the same.
 */
@Entity
@Table(name = "delivery_receipt")
public class DeliveryReceipt extends PanacheEntityBase {

    /** What a receipt says became of a sent message. */
    public enum Status {
        /** It reached the recipient. */
        DELIVERED,
        /** It never will (unknown number, rejected, expired for good). */
        FAILED_PERMANENT,
        /** It did not reach the recipient this time (phone off, mailbox full): the channel says whether to send again. */
        FAILED_TEMPORARY,
        /**
         * The provider could not pass it on (its own or its carrier's fault; nothing reached the recipient): sent again
         * after a backoff like a failed send, up to the channel's attempts, inside the row's window.
         */
        FAILED_TECHNICAL,
        /** A step on the way (accepted, en route): recorded, changes nothing. */
        PROGRESS
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String channel;
    public String providerId;
    /** The row it applied to; null while no row has this provider id. */
    public Long deliveryId;

    @Enumerated(EnumType.STRING)
    public Status status;

    public String detail;
    public Instant receivedAt;
    public Instant appliedAt;
}
