package org.takedown.victim.sms;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Locale;

/**
 * One {@code submit_sm} of a sent message: a long message's parts each get an id and a receipt of their own, and the
 * message is delivered when every part is. {@code messageKey} is the id in lower case, the form receipts are looked up
 * by (an SMSC may write an id in hex in its answer and in decimal in the receipt: {@code MessageIds}).
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
        row.messageKey = messageId.strip().toLowerCase(Locale.ROOT);
        return row;
    }
}
