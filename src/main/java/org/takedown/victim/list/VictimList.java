package org.takedown.victim.list;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A list of an operation's victims, filled by one or more imports; one victim per phone number (or email address). */
@Entity
@Table(name = "victim_list")
public class VictimList extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long operationId;
    public String name;
    /** Numbers written without a country code are read as this country's (ISO 3166-1 alpha-2). */
    public String phoneRegion;
    /** Other countries whose numbers are accepted (flagged), comma-separated; empty: none. */
    public String otherRegions;

    public long victims;
    /** When the retention period removed its victims' personal data; it takes no more imports. */
    public Instant purgedAt;

    public String createdBy;
    public Instant createdAt;
}
