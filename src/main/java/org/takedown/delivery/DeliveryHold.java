package org.takedown.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A hold: while it exists, a channel's rows of one recipient ({@code recipient:<key>}) or of one run
 * ({@code run:<id>}) wait. Released, they go on where they stopped.
 */
@Entity
@Table(name = "delivery_hold")
public class DeliveryHold extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String channel;
    public String holdKey;
    public String reason;
    public Instant createdAt;
}
