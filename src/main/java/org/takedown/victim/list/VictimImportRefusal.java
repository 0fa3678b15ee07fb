package org.takedown.victim.list;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row an import refused: where it is in the file and why, never what it held. */
@Entity
@Table(name = "victim_import_refusal")
public class VictimImportRefusal extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long importId;
    /** The row's number as a spreadsheet shows it: the header is row 1. */
    public long rowNo;

    public String reason;
}
