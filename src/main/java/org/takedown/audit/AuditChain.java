package org.takedown.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.takedown.common.DeterministicJson;

/**
 * The hash of an audit row: SHA-256 over the deterministic JSON of the row (a JSON array of its fields, so
 * no two different rows share a form) followed by the previous row's hash. Public so that an exported extract of the
 * log can be checked away from the database.
 */
public final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private AuditChain() {}

    public static String hash(AuditEntry e) {
        return hash(new Row(
                e.seq,
                e.recordedAt,
                e.operationId,
                e.actor,
                e.action,
                e.entityType,
                e.entityId,
                e.summary,
                e.prevHash));
    }

    /** The fields of a row that its hash covers, as a row read back from an export holds them. */
    public record Row(
            long seq,
            Instant recordedAt,
            Long operationId,
            String actor,
            String action,
            String entityType,
            String entityId,
            String summary,
            String prevHash) {}

    public static String hash(Row e) {
        List<Object> fields = new ArrayList<>(Arrays.asList(
                e.seq(),
                e.recordedAt().toString(),
                e.actor(),
                e.action(),
                e.entityType(),
                e.entityId(),
                e.summary(),
                e.prevHash()));
        if (e.operationId() != null) {
            fields.add(e.operationId());
        }
        return DeterministicJson.sha256Hex(DeterministicJson.write(fields));
    }
}
