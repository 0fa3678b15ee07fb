package org.takedown.victim.suppression;

import java.time.Instant;

public record SuppressionView(
        long id,
        Suppression.Kind kind,
        String masked,
        Suppression.Reason reason,
        String note,
        String addedBy,
        Instant addedAt) {

    static SuppressionView of(Suppression suppression) {
        return new SuppressionView(
                suppression.id,
                suppression.kind,
                suppression.masked,
                suppression.reason,
                suppression.note,
                suppression.addedBy,
                suppression.addedAt);
    }
}
