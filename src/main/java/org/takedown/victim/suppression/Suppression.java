package org.takedown.victim.suppression;

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
 * A number or address the force must not contact, in any operation: found by its blind index, shown masked; the value
 * itself is not kept.
 */
@Entity
@Table(name = "suppression")
public class Suppression extends PanacheEntityBase {

    public enum Kind {
        PHONE,
        EMAIL
    }

    /** Why: the person replied STOP, or asked (or was recorded) not to be contacted. */
    public enum Reason {
        STOP,
        DO_NOT_CONTACT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String contactIndex;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public String masked;

    @Enumerated(EnumType.STRING)
    public Reason reason;

    public String note;
    public String addedBy;
    public Instant addedAt;
}
