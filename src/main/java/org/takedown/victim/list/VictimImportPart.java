package org.takedown.victim.list;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A part of an uploaded file, sealed, kept until its import has been read (any replica may read it). */
@Entity
@Table(name = "victim_import_part")
@IdClass(VictimImportPart.Key.class)
public class VictimImportPart extends PanacheEntityBase {

    @Id
    public long importId;

    @Id
    public int partNo;

    public String keyId;
    public byte[] sealed;
    public int bytes;

    public record Key(long importId, int partNo) implements Serializable {
        public Key() {
            this(0, 0);
        }
    }
}
