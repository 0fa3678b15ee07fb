package org.takedown.evidence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * An audit row's hash computed as docs/evidence.md tells an outside verifier to compute it, written from that page
 * alone: no Jackson, nothing of the service's own JSON code.
 */
final class DocumentedAuditHash {

    private static final List<String> HASHED_STRINGS =
            List.of("recordedAt", "actor", "action", "entityType", "entityId", "summary", "prevHash");

    private DocumentedAuditHash() {}

    /** A row of audit.json, as any JSON reader hands it out. */
    static String of(Map<String, Object> row) {
        StringBuilder form = new StringBuilder("[").append(integer(row.get("seq")));
        for (String field : HASHED_STRINGS) {
            form.append(',').append(string(row.get(field)));
        }
        if (row.get("operationId") != null) {
            form.append(',').append(integer(row.get("operationId")));
        }
        return sha256(form.append(']').toString());
    }

    static String string(Object value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toString().toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String integer(Object value) {
        return Long.toString(((Number) value).longValue());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
