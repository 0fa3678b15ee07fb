package org.takedown.audit;

import java.util.Arrays;
import org.takedown.common.CanonicalJson;

/**
 * The hash of an audit row: SHA-256 over the canonical form of the row (a JSON array of its fields, so
 * no two different rows share a form) followed by the previous row's hash.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    static String hash(AuditEntry e) {
        String canonical = CanonicalJson.write(Arrays.asList(
                e.seq, e.recordedAt.toString(), e.actor, e.action, e.entityType, e.entityId, e.summary, e.prevHash));
        return CanonicalJson.sha256Hex(canonical);
    }
}
