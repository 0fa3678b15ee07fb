package org.takedown.operation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The one global stop (single row): halts all sending and, optionally, all banners. */
@Entity
@Table(name = "kill_switch")
public class KillSwitch extends PanacheEntityBase {

    static final int ID = 1;

    @Id
    public int id;

    public boolean engaged;
    public boolean includeBanners;
    public String reason;
    public String changedBy;
    public Instant changedAt;
}
