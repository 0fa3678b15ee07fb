package org.takedown.operation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** A takedown campaign: its legal authority, lifecycle and approval state. Children live in their own packages. */
@Entity
@Table(name = "operation")
public class Operation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;
    public String codeName;
    public String description;

    @Embedded
    public LegalAuthority legalAuthority;
    /** IANA zone in which officers enter and read this operation's local times. */
    public String timezone;

    @Enumerated(EnumType.STRING)
    public OperationStatus status;

    @Enumerated(EnumType.STRING)
    public OperationStatus pausedFrom;

    public Instant activateAt;
    public Instant endAt;
    /** When it ended or was cancelled (retention periods count from here). */
    public Instant endedAt;
    /** SHA-256 of the current public content ({@link PublicContent}). */
    public String contentHash;
    /** SHA-256 of the content at the last approval; null until first approved. */
    public String approvedContentHash;

    public String submittedBy;
    public Instant submittedAt;
    /** Everyone who changed the public content since the last approval: none of them may approve it. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "operation_content_author", joinColumns = @JoinColumn(name = "operation_id"))
    @Column(name = "username")
    public Set<String> contentAuthors = new HashSet<>();

    public String createdBy;
    public Instant createdAt;
    public String updatedBy;
    public Instant updatedAt;

    @Version
    public long version;
}
