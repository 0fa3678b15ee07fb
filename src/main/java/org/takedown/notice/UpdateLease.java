package org.takedown.notice;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Who polls Telegram for bot updates, until when, and from which update id. One row. */
@Entity
@Table(name = "bot_update_lease")
public class UpdateLease extends PanacheEntityBase {

    static final int ID = 1;

    @Id
    public Integer id;

    public String holder;
    public Instant leaseUntil;
    public long nextOffset;
}
