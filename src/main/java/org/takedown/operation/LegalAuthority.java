package org.takedown.operation;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;

/** The warrant, court order or other authority under which an operation acts. */
@Embeddable
public class LegalAuthority {

    @Enumerated(EnumType.STRING)
    @Column(name = "legal_authority_type")
    public LegalAuthorityType type;

    @Column(name = "legal_authority_reference")
    public String reference;

    @Column(name = "legal_authority_issued_by")
    public String issuedBy;

    @Column(name = "legal_authority_issued_on")
    public LocalDate issuedOn;
}
