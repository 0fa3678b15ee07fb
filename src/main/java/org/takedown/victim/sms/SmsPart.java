package org.takedown.victim.sms;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.takedown.victim.sms.smpp.ReceiptIds;

/**
 * One {@code submit_sm} of a sent message: a long message's parts each get an id and a receipt of their own, and the
 * message is delivered when every part is. {@code messageKey} is the id as it is compared ({@code ReceiptIds.key}): a
 * receipt's id is turned into that form as the account writes it ({@code ReceiptIds}).
 */
@Entity
@Table(name = "sms_part")
public class SmsPart extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long deliveryId;
    public int part;
    public String messageId;
    public String messageKey;
    /** What the last receipt for this part said ({@code DeliveryReceipt.Status}); null: none yet. */
    public String status;

    static SmsPart of(long deliveryId, int part, String messageId) {
        SmsPart row = new SmsPart();
        row.deliveryId = deliveryId;
        row.part = part;
        row.messageId = messageId;
        row.messageKey = ReceiptIds.key(messageId);
        return row;
    }
}
