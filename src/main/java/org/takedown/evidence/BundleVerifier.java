package org.takedown.evidence;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.netpreserve.jwarc.WarcCaptureRecord;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.takedown.audit.AuditChain;
import org.takedown.common.DeterministicJson;

/**
 * Checks an evidence bundle ({@link EvidenceBundle}) with nothing but its bytes: the manifest against its digest,
 * every file against the manifest and SHA256SUMS, every WARC record's SHA-256 block and payload digests recomputed
 * from the records as jwarc reads them, and the audit extract's hashes and links.
 */
public final class BundleVerifier {

    /** What the check found; the bundle holds when {@code problems} is empty. */
    public record Result(int captures, int warcRecords, int auditRows, List<String> problems) {

        public boolean holds() {
            return problems.isEmpty();
        }
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private BundleVerifier() {}

    public static Result verify(InputStream zip) throws IOException {
        Map<String, byte[]> files = unzip(zip);
        List<String> problems = new ArrayList<>();
        byte[] manifestBytes = files.get(EvidenceBundle.MANIFEST);
        if (manifestBytes == null) {
            return new Result(0, 0, 0, List.of("no " + EvidenceBundle.MANIFEST + " in the bundle"));
        }
        checkSum(files, EvidenceBundle.MANIFEST_DIGEST, problems);
        checkSum(files, EvidenceBundle.SUMS, problems);
        EvidenceBundle.Manifest manifest = JSON.readValue(manifestBytes, EvidenceBundle.Manifest.class);
        int auditRows = checkAudit(files.get(manifest.auditFile()), manifest, problems);
        int records = 0;
        for (EvidenceBundle.ManifestCapture capture : manifest.captures()) {
            byte[] warc = files.get(capture.file());
            if (warc == null) {
                problems.add(capture.file() + ": listed in the manifest but missing");
                continue;
            }
            if (!DeterministicJson.sha256Hex(warc).equals(capture.sha256()) || warc.length != capture.size()) {
                problems.add(capture.file() + ": SHA-256 or size differs from the manifest");
            }
            records += checkWarc(capture, warc, problems);
        }
        files.keySet().stream()
                .filter(name -> name.startsWith(EvidenceBundle.WARC_DIR))
                .filter(name ->
                        manifest.captures().stream().noneMatch(c -> c.file().equals(name)))
                .forEach(name -> problems.add(name + ": not listed in the manifest"));
        return new Result(manifest.captures().size(), records, auditRows, List.copyOf(problems));
    }

    private static Map<String, byte[]> unzip(InputStream in) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                files.put(entry.getName(), zip.readAllBytes());
            }
        }
        return files;
    }

    /** A sha256sum-format file: every line's file must be present with that digest. */
    private static void checkSum(Map<String, byte[]> files, String sumFile, List<String> problems) {
        byte[] sums = files.get(sumFile);
        if (sums == null) {
            problems.add("no " + sumFile + " in the bundle");
            return;
        }
        for (String line : new String(sums, StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split(" {2}", 2);
            byte[] file = parts.length == 2 ? files.get(parts[1]) : null;
            if (file == null) {
                problems.add(sumFile + ": names a file that is missing: " + line);
            } else if (!DeterministicJson.sha256Hex(file).equals(parts[0])) {
                problems.add(sumFile + ": " + parts[1] + " does not match its SHA-256");
            }
        }
    }

    private static int checkAudit(byte[] bytes, EvidenceBundle.Manifest manifest, List<String> problems)
            throws IOException {
        if (bytes == null) {
            problems.add("no " + manifest.auditFile() + " in the bundle");
            return 0;
        }
        if (!DeterministicJson.sha256Hex(bytes).equals(manifest.auditSha256())) {
            problems.add(manifest.auditFile() + ": SHA-256 differs from the manifest");
        }
        EvidenceBundle.AuditRow[] rows = JSON.readValue(bytes, EvidenceBundle.AuditRow[].class);
        if (rows.length != manifest.auditRows()) {
            problems.add(
                    manifest.auditFile() + ": " + rows.length + " rows, the manifest says " + manifest.auditRows());
        }
        EvidenceBundle.AuditRow previous = null;
        for (EvidenceBundle.AuditRow row : rows) {
            if (row.operationId() == null || row.operationId() != manifest.operationId()) {
                problems.add("audit row " + row.seq() + ": does not belong to operation " + manifest.operationId());
            }
            if (!AuditChain.hash(entry(row)).equals(row.hash())) {
                problems.add("audit row " + row.seq() + ": content does not match its hash");
            }
            if (previous != null
                    && row.seq() == previous.seq() + 1
                    && !row.prevHash().equals(previous.hash())) {
                problems.add("audit row " + row.seq() + ": does not link to row " + previous.seq());
            }
            previous = row;
        }
        return rows.length;
    }

    private static AuditChain.Row entry(EvidenceBundle.AuditRow row) {
        return new AuditChain.Row(
                row.seq(),
                Instant.parse(row.recordedAt()),
                row.operationId(),
                row.actor(),
                row.action(),
                row.entityType(),
                row.entityId(),
                row.summary(),
                row.prevHash());
    }

    /** Re-reads the file with jwarc: block digests of every record, the response's payload digest and identity. */
    private static int checkWarc(EvidenceBundle.ManifestCapture capture, byte[] warc, List<String> problems) {
        int records = 0;
        boolean response = false;
        try (WarcReader reader = new WarcReader(new ByteArrayInputStream(warc))) {
            for (WarcRecord record : reader) {
                records++;
                byte[] block = record.body().stream().readAllBytes();
                if (!matches(record.blockDigest().orElse(null), block)) {
                    problems.add(capture.file() + ": " + record.type()
                            + " record's block does not match its SHA-256 block digest");
                }
                if (record instanceof WarcCaptureRecord captured
                        && !captured.ipAddress()
                                .map(a -> a.getHostAddress().equals(capture.peerIp()))
                                .orElse(capture.peerIp() == null)) {
                    problems.add(capture.file() + ": " + record.type()
                            + " record names another peer address than the manifest");
                }
                if (record instanceof WarcResponse) {
                    response = true;
                    checkResponse(capture, warc, record.id().toString(), problems);
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add(capture.file() + ": not a readable WARC file: " + e.getMessage());
        }
        if (!response) {
            problems.add(capture.file() + ": holds no response record");
        }
        return records;
    }

    /** A second pass, since reading the block consumed the first: the payload as jwarc parses it from the HTTP message. */
    private static void checkResponse(
            EvidenceBundle.ManifestCapture capture, byte[] warc, String id, List<String> problems) throws IOException {
        if (!id.equals(capture.responseRecordId())) {
            problems.add(capture.file() + ": response record " + id + " is not the one the manifest names");
        }
        try (WarcReader reader = new WarcReader(new ByteArrayInputStream(warc))) {
            for (WarcRecord record : reader) {
                if (record instanceof WarcResponse response
                        && response.id().toString().equals(id)) {
                    byte[] payload = response.payload().orElseThrow(() -> new IOException("no payload")).body().stream()
                            .readAllBytes();
                    if (!matches(response.payloadDigest().orElse(null), payload)) {
                        problems.add(capture.file() + ": payload does not match its SHA-256 payload digest");
                    }
                    if (!DeterministicJson.sha256Hex(payload).equals(capture.payloadSha256())) {
                        problems.add(capture.file() + ": payload SHA-256 differs from the manifest");
                    }
                    return;
                }
            }
        }
    }

    private static boolean matches(WarcDigest declared, byte[] bytes) {
        if (declared == null || !declared.algorithm().replace("-", "").equalsIgnoreCase("sha256")) {
            return false;
        }
        try {
            return Arrays.equals(
                    declared.bytes(), MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
