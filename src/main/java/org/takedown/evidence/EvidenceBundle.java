package org.takedown.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.takedown.audit.AuditEntry;
import org.takedown.audit.AuditLog;
import org.takedown.common.DeterministicJson;
import org.takedown.operation.Operation;
import org.takedown.operation.OperationService;

/**
 * An operation's evidence as one zip that can be checked offline:
 * <pre>
 * warc/capture-&lt;id&gt;.warc.gz   every capture, as stored
 * audit.json                  the operation's rows of the audit log, with their hashes
 * manifest.json               one entry per capture (file, SHA-256, size, target, URL, time, peer) and audit.json's SHA-256
 * manifest.json.sha256        SHA-256 of manifest.json  (sha256sum -c manifest.json.sha256)
 * SHA256SUMS                  SHA-256 of every other file (sha256sum -c SHA256SUMS)
 * README.txt                  how to verify
 * </pre>
 * The export itself is audited with the manifest's digest, so a bundle can later be matched to the live log.
 */
@ApplicationScoped
public class EvidenceBundle {

    static final String MANIFEST = "manifest.json";
    static final String MANIFEST_DIGEST = "manifest.json.sha256";
    static final String AUDIT = "audit.json";
    static final String SUMS = "SHA256SUMS";
    static final String README = "README.txt";
    static final String WARC_DIR = "warc/";
    static final int FORMAT = 1;

    public record Manifest(
            int format,
            long operationId,
            String operationName,
            String exportedAt,
            String exportedBy,
            String auditFile,
            String auditSha256,
            int auditRows,
            List<ManifestCapture> captures) {}

    public record ManifestCapture(
            long id,
            String file,
            String sha256,
            long size,
            Long targetId,
            String target,
            String reason,
            String url,
            List<String> redirects,
            String peerIp,
            int httpStatus,
            boolean truncated,
            String capturedAt,
            String payloadSha256,
            String responseRecordId) {}

    /** An audit row with every field its hash covers ({@link org.takedown.audit.AuditChain}). */
    public record AuditRow(
            long seq,
            String recordedAt,
            Long operationId,
            String actor,
            String action,
            String entityType,
            String entityId,
            String summary,
            String prevHash,
            String hash) {}

    /** What is decided inside the transaction; the WARC files are streamed from the database afterwards. */
    public record Prepared(String fileName, byte[] manifest, byte[] audit, List<Long> captureIds) {}

    private static final String HOW_TO_VERIFY = """
            Takedown evidence bundle

            1. sha256sum -c manifest.json.sha256    manifest.json is the one whose digest was audited at export
            2. sha256sum -c SHA256SUMS              every WARC file and audit.json are the ones the manifest lists
            3. each WARC record carries SHA-256 block and payload digests (WARC-Block-Digest, WARC-Payload-Digest);
               any WARC tool re-checks them, e.g. java -jar jwarc.jar validate warc/*.warc.gz
            4. audit.json: each row's hash is SHA-256 over the compact JSON array
               [seq,"recordedAt","actor","action","entityType","entityId","summary","prevHash"] (+ operationId when
               set; strings as audit.json holds them, other controls escaped as upper-case \\u00XX; the exact form is
               in Takedown's docs/evidence.md); rows with consecutive seq link by prevHash.
            """;

    @Inject
    OperationService operations;

    @Inject
    AuditLog audit;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Transactional
    public Prepared prepare(String actor, long operationId) {
        Operation operation = operations.get(operationId);
        List<AuditRow> rows =
                audit.ofOperation(operationId).stream().map(EvidenceBundle::row).toList();
        byte[] auditJson = write(rows);
        List<ManifestCapture> captures = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (Capture c : Capture.<Capture>list("operationId", Sort.by("id"), operationId)) {
            captures.add(new ManifestCapture(
                    c.id,
                    WARC_DIR + c.fileName(),
                    c.warcSha256,
                    c.warcSize,
                    c.targetId,
                    c.targetValue,
                    c.reason,
                    c.url,
                    c.redirects.isEmpty() ? List.of() : Arrays.asList(c.redirects.split("\n")),
                    c.peerIp,
                    c.httpStatus,
                    c.truncated,
                    c.capturedAt.toString(),
                    c.payloadSha256,
                    c.responseRecordId));
            ids.add(c.id);
        }
        Manifest manifest = new Manifest(
                FORMAT,
                operationId,
                operation.name,
                clock.instant().toString(),
                actor,
                AUDIT,
                DeterministicJson.sha256Hex(auditJson),
                rows.size(),
                captures);
        byte[] manifestJson = write(manifest);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("captures", captures.size());
        summary.put("auditRows", rows.size());
        summary.put("manifestSha256", DeterministicJson.sha256Hex(manifestJson));
        audit.recordFor(operationId, actor, "EVIDENCE_EXPORTED", "operation", operationId, summary);
        String name = "takedown-operation-" + operationId + "-evidence-"
                + clock.instant().getEpochSecond() + ".zip";
        return new Prepared(name, manifestJson, auditJson, ids);
    }

    /** Writes the zip; each WARC file is read in its own short transaction, so a large export holds no lock. */
    public void write(Prepared prepared, OutputStream out) throws IOException {
        StringBuilder sums = new StringBuilder();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, README, HOW_TO_VERIFY.getBytes(StandardCharsets.UTF_8), sums);
            entry(zip, AUDIT, prepared.audit(), sums);
            for (Long id : prepared.captureIds()) {
                byte[] warc = QuarkusTransaction.requiringNew()
                        .call(() -> Capture.getEntityManager()
                                .createQuery("select c.warc from Capture c where c.id = :id", byte[].class)
                                .setParameter("id", id)
                                .getSingleResult());
                entry(zip, WARC_DIR + "capture-" + id + ".warc.gz", warc, sums);
            }
            entry(zip, MANIFEST, prepared.manifest(), null);
            entry(
                    zip,
                    MANIFEST_DIGEST,
                    (DeterministicJson.sha256Hex(prepared.manifest()) + "  " + MANIFEST + "\n")
                            .getBytes(StandardCharsets.UTF_8),
                    null);
            entry(zip, SUMS, sums.toString().getBytes(StandardCharsets.UTF_8), null);
        }
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes, StringBuilder sums) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
        if (sums != null) {
            sums.append(DeterministicJson.sha256Hex(bytes))
                    .append("  ")
                    .append(name)
                    .append('\n');
        }
    }

    private byte[] write(Object value) {
        try {
            return json.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the bundle's JSON could not be written", e);
        }
    }

    private static AuditRow row(AuditEntry e) {
        return new AuditRow(
                e.seq,
                e.recordedAt.toString(),
                e.operationId,
                e.actor,
                e.action,
                e.entityType,
                e.entityId,
                e.summary,
                e.prevHash,
                e.hash);
    }
}
