package org.takedown.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.takedown.common.CanonicalJson;

/**
 * The hash of an audit row: SHA-256 over the canonical form of the row (a JSON array of its fields, so
 * no two different rows share a form) followed by the previous row's hash. Public so that an exported extract of the
 * log can be checked away from the database.
 */
public final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private AuditChain() {}

    public static String hash(AuditEntry e) {
        List<Object> fields = new ArrayList<>(Arrays.asList(
                e.seq, e.recordedAt.toString(), e.actor, e.action, e.entityType, e.entityId, e.summary, e.prevHash));
        if (e.operationId != null) {
            fields.add(e.operationId);
        }
        String canonical = CanonicalJson.write(fields);
        return CanonicalJson.sha256Hex(canonical);
    }
}
