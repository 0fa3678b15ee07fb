package org.takedown.victim.sms.notify;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A text message to the force's Notify number that was acted on: Notify's id and when it came, nothing else. */
@Entity
@Table(name = "notify_received_text")
public class NotifyReceivedText extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "received_at")
    public Instant receivedAt;
}
