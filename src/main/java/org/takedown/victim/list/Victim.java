package org.takedown.victim.list;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One victim of a list. Phone, email, name and personalisation values are sealed ({@code <key id>:<base64>}); the
 * masked forms are what pages show. An import writes them a batch at a time ({@link VictimRows}).
 */
@Entity
@Table(name = "victim")
public class Victim extends PanacheEntityBase {

    /** Given by {@link VictimRows#insert}, which stores every victim: a thousand ids per call of {@code victim_seq}. */
    @Id
    public Long id;

    public long listId;
    public long importId;
    public String contactKey;

    public String phoneIndex;
    public String phone;
    public String phoneMasked;
    /** {@link org.takedown.victim.phone.PhoneFlag} names, comma-separated; empty: none. */
    public String phoneFlags;
    /** Why the row's number could not be used, for a victim reachable only by email. */
    public String phoneRefusal;

    public String emailIndex;
    public String email;
    public String emailMasked;

    public String name;
    public String language;
    /** The personalisation values (column → value) as JSON, sealed. */
    public String fields;
}
