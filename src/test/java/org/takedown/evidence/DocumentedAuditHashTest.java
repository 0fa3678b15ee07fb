package org.takedown.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.takedown.audit.AuditChain;
import org.takedown.common.DeterministicJson;

/** The form docs/evidence.md documents is the form the service hashes, character by character. */
class DocumentedAuditHashTest {

    /** Every ASCII character, C1 controls, the line and paragraph separators, a BOM, a surrogate pair. */
    private static final String EVERY_KIND_OF_CHARACTER;

    static {
        StringBuilder text = new StringBuilder();
        for (char c = 0; c < 0xA0; c++) {
            text.append(c);
        }
        EVERY_KIND_OF_CHARACTER = text.append("\u2028\u2029\uFEFF é ß 🚨 /").toString();
    }

    @Test
    void stringsAreWrittenAsDocumented() {
        for (char c : EVERY_KIND_OF_CHARACTER.toCharArray()) {
            String one = String.valueOf(c);
            if (!Character.isSurrogate(c)) {
                assertEquals(
                        DeterministicJson.write(List.of(one)),
                        "[" + DocumentedAuditHash.string(one) + "]",
                        "U+" + Integer.toHexString(c));
            }
        }
        assertEquals(
                DeterministicJson.write(Arrays.asList(EVERY_KIND_OF_CHARACTER, null)),
                "[" + DocumentedAuditHash.string(EVERY_KIND_OF_CHARACTER) + ",null]");
    }

    @Test
    void aRowHashesAsDocumentedWithAndWithoutItsOperation() {
        for (Long operationId : Arrays.asList(null, 42L)) {
            AuditChain.Row row = new AuditChain.Row(
                    7,
                    Instant.parse("2026-12-02T10:15:30.123456Z"),
                    operationId,
                    "officer \"O'Brien\"",
                    "OPERATION_CREATED",
                    "operation",
                    "42",
                    "{\"name\":\"Opération \\\"Rück\\\" 🚨\\ttab\"}",
                    "0".repeat(64));
            Map<String, Object> read = new LinkedHashMap<>();
            read.put("seq", 7);
            read.put("recordedAt", row.recordedAt().toString());
            read.put("operationId", operationId);
            read.put("actor", row.actor());
            read.put("action", row.action());
            read.put("entityType", row.entityType());
            read.put("entityId", row.entityId());
            read.put("summary", row.summary());
            read.put("prevHash", row.prevHash());
            assertEquals(AuditChain.hash(row), DocumentedAuditHash.of(read), "operationId " + operationId);
        }
    }
}
