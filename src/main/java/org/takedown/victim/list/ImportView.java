package org.takedown.victim.list;

import java.time.Instant;
import java.util.Map;

/** An import and its report: rows read, accepted, duplicates, refused by reason, accepted rows by flag. */
public record ImportView(
        long id,
        long listId,
        ImportStatus status,
        long bytes,
        String sha256,
        long rows,
        long accepted,
        long duplicates,
        long refused,
        Map<String, Long> refusedByReason,
        Map<String, Long> flagged,
        String failure,
        String createdBy,
        Instant createdAt,
        String completedBy,
        Instant completedAt) {

    public static ImportView of(VictimImport in) {
        return new ImportView(
                in.id,
                in.listId,
                in.status,
                in.bytes,
                in.sha256,
                in.rowsRead,
                in.accepted,
                in.duplicates,
                in.refused,
                ImportCounts.read(in.refusedByReason),
                ImportCounts.read(in.flaggedByFlag),
                in.failure,
                in.createdBy,
                in.createdAt,
                in.completedBy,
                in.completedAt);
    }
}
