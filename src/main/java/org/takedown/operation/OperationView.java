package org.takedown.operation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.TreeSet;

/** An operation as the API shows it; local times are in {@code timezone}, {@code *Utc} the stored instants. */
public record OperationView(
        long id,
        String name,
        String codeName,
        String description,
        String timezone,
        LegalAuthorityView legalAuthority,
        OperationStatus status,
        OperationStatus pausedFrom,
        LocalDateTime activateAt,
        Instant activateAtUtc,
        LocalDateTime endAt,
        Instant endAtUtc,
        String contentHash,
        String approvedContentHash,
        boolean changedSinceApproval,
        String submittedBy,
        Instant submittedAt,
        List<String> contentAuthors,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt,
        long version) {

    public record LegalAuthorityView(LegalAuthorityType type, String reference, String issuedBy, LocalDate issuedOn) {}

    static OperationView of(Operation o) {
        LegalAuthority la = o.legalAuthority;
        return new OperationView(
                o.id,
                o.name,
                o.codeName,
                o.description,
                o.timezone,
                new LegalAuthorityView(la.type, la.reference, la.issuedBy, la.issuedOn),
                o.status,
                o.pausedFrom,
                LocalTimes.toLocal(o.activateAt, o.timezone),
                o.activateAt,
                LocalTimes.toLocal(o.endAt, o.timezone),
                o.endAt,
                o.contentHash,
                o.approvedContentHash,
                o.approvedContentHash != null && !o.approvedContentHash.equals(o.contentHash),
                o.submittedBy,
                o.submittedAt,
                List.copyOf(new TreeSet<>(o.contentAuthors)),
                o.createdBy,
                o.createdAt,
                o.updatedBy,
                o.updatedAt,
                o.version);
    }
}
