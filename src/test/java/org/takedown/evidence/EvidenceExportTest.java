package org.takedown.evidence;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcResponse;
import org.takedown.common.DeterministicJson;
import org.takedown.support.Api;
import org.takedown.support.ChannelWatchProfile;
import org.takedown.support.FakeChannelPreview;
import org.takedown.support.Fixtures;
import org.takedown.watch.ChannelWatcher;
import org.takedown.watch.WatchPost;

/**
 * Channel reads leave WARC captures; the operation's evidence bundle verifies offline, and tampering with any part of
 * it — a WARC byte, a WARC record with every outer digest recomputed, an audit row, a missing file — is found.
 */
@QuarkusTest
@TestProfile(ChannelWatchProfile.class)
public class EvidenceExportTest {

    FakeChannelPreview telegram;

    @Inject
    ChannelWatcher watcher;

    long operation;
    long target;
    String channel;

    @BeforeEach
    void readAChannelTwice() {
        channel = "evidence" + Fixtures.unique();
        telegram.post(channel, 1, 30);
        operation = Fixtures.createOperation("officer1");
        target = Api.as("officer1")
                .body(Map.of("kind", "TELEGRAM_CHANNEL", "value", "@" + channel))
                .post("/api/operations/{id}/watch-targets", operation)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        Api.as("officer1")
                .body(Map.of("kind", "KEYWORD", "pattern", "@shop_3bot"))
                .post("/api/operations/{id}/watch-rules", operation)
                .then()
                .statusCode(201);
        watcher.read(target);
        telegram.post(channel, 31, 33);
        watcher.read(target);
    }

    private byte[] export() {
        return Api.as("officer1")
                .accept("application/zip")
                .get("/api/operations/{id}/evidence/export", operation)
                .then()
                .statusCode(200)
                .header("Content-Type", containsString("application/zip"))
                .header("Content-Disposition", containsString("attachment; filename=\"takedown-operation-" + operation))
                .extract()
                .asByteArray();
    }

    @Test
    void everyPageThatGaveNewPostsIsCapturedAndLinkedFromItsPostsAndSightings() throws IOException {
        List<Map<String, Object>> captures = Api.as("viewer1")
                .get("/api/operations/{id}/evidence", operation)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        assertEquals(3, captures.size(), "first read: two pages (posts 11-30 and 1-10); second read: one page");
        Map<String, Object> first = captures.get(0);
        assertEquals("http://127.0.0.2:" + telegram.port() + "/s/" + channel, first.get("url"));
        assertEquals("127.0.0.2", first.get("peerIp"));
        assertEquals(200, first.get("httpStatus"));
        assertEquals(channel, first.get("target"));

        List<WatchPost> posts = QuarkusTransaction.requiringNew()
                .call(() -> WatchPost.<WatchPost>list("targetId = ?1 order by postId", target));
        assertEquals(33, posts.size());
        assertTrue(
                posts.stream().allMatch(p -> p.captureId != null),
                "every stored post names the capture it was read on");
        long newest = ((Number) captures.get(2).get("id")).longValue();
        assertEquals(newest, posts.get(32).captureId, "post 33 came with the second read");

        List<Map<String, Object>> sightings = Api.as("viewer1")
                .get("/api/operations/{id}/sightings", operation)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        assertFalse(sightings.isEmpty());
        for (Map<String, Object> sighting : sightings) {
            long captureId = ((Number) sighting.get("captureId")).longValue();
            String reason = Api.as("viewer1")
                    .get("/api/operations/{id}/evidence/{c}", operation, captureId)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getString("reason");
            assertEquals("new posts with sightings", reason);
        }

        long captureId = ((Number) first.get("id")).longValue();
        byte[] warc = Api.as("viewer1")
                .accept("application/warc")
                .get("/api/operations/{id}/evidence/{c}/warc", operation, captureId)
                .then()
                .statusCode(200)
                .header("Content-Type", containsString("application/warc"))
                .header("Content-Disposition", equalTo("attachment; filename=\"capture-" + captureId + ".warc.gz\""))
                .header("Content-Security-Policy", containsString("sandbox"))
                .header("X-Content-Type-Options", "nosniff")
                .extract()
                .asByteArray();
        assertEquals(first.get("warcSha256"), DeterministicJson.sha256Hex(warc));
        try (WarcReader reader = new WarcReader(new ByteArrayInputStream(warc))) {
            WarcResponse response = (WarcResponse) reader.next().orElseThrow();
            String page =
                    new String(response.payload().orElseThrow().body().stream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(
                    page.contains("data-post=\"" + channel + "/30\""),
                    "the capture holds the page the posts were read from");
        }
        Api.as("viewer1")
                .get("/api/operations/{id}/evidence/{c}", Fixtures.createOperation("officer1"), captureId)
                .then()
                .statusCode(404);
    }

    @Test
    void theBundleVerifiesAndItsExportIsAudited() throws IOException {
        byte[] zip = export();
        BundleVerifier.Result result = BundleVerifier.verify(new ByteArrayInputStream(zip));
        assertTrue(result.holds(), result.problems().toString());
        assertEquals(3, result.captures());
        assertEquals(6, result.warcRecords(), "a response and a request per capture");
        assertTrue(result.auditRows() >= 3, "operation created, watch target and rule added: " + result.auditRows());

        Map<String, byte[]> files = unzip(zip);
        String audit = new String(files.get("audit.json"), StandardCharsets.UTF_8);
        assertTrue(
                audit.contains("OPERATION_CREATED")
                        && audit.contains("WATCH_TARGET_ADDED")
                        && audit.contains("WATCH_RULE_ADDED"),
                audit);
        String digest = DeterministicJson.sha256Hex(files.get("manifest.json"));
        assertEquals(
                digest + "  manifest.json\n", new String(files.get("manifest.json.sha256"), StandardCharsets.UTF_8));
        List<Map<String, Object>> exports = Api.as("viewer1")
                .queryParam("action", "EVIDENCE_EXPORTED")
                .queryParam("entityId", Long.toString(operation))
                .get("/api/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        assertEquals(1, exports.size());
        assertTrue(
                exports.get(0).get("summary").toString().contains("\"manifestSha256\":\"" + digest + "\""),
                exports.toString());
        assertEquals(operation, ((Number) exports.get(0).get("operationId")).longValue());

        assertTrue(
                unzip(export()).get("audit.json").length > files.get("audit.json").length,
                "the next export carries the first one's row");
        Api.as("viewer1")
                .accept("application/zip")
                .get("/api/operations/{id}/evidence/export", operation)
                .then()
                .statusCode(403);
        Api.as("officer1")
                .accept("application/zip")
                .get("/api/operations/{id}/evidence/export", 999_999_999)
                .then()
                .statusCode(404);
    }

    @Test
    void anOutsideVerifierRecomputesEveryAuditHashFromTheDocumentedForm() throws IOException {
        Api.as("officer1")
                .body(Map.of("kind", "KEYWORD", "pattern", "\"spoof\" \\ back/slash é 🚨"))
                .post("/api/operations/{id}/watch-rules", operation)
                .then()
                .statusCode(201);

        List<Map<String, Object>> rows = new ObjectMapper()
                .readValue(unzip(export()).get("audit.json"), new TypeReference<List<Map<String, Object>>>() {});
        assertTrue(rows.size() >= 4, rows.toString());
        assertTrue(
                rows.stream().anyMatch(row -> row.get("summary").toString().contains("\\\\ back/slash é 🚨")),
                rows.toString());
        for (Map<String, Object> row : rows) {
            assertEquals(row.get("hash"), DocumentedAuditHash.of(row), row.toString());
        }
    }

    @Test
    void oneFlippedByteInAWarcFileIsFound() throws IOException {
        byte[] zip = export();
        String file = firstWarc(zip);
        byte[] tampered = rezip(zip, Map.of(file, bytes -> {
            byte[] copy = bytes.clone();
            copy[copy.length / 2] ^= 0x01;
            return copy;
        }));
        List<String> problems =
                BundleVerifier.verify(new ByteArrayInputStream(tampered)).problems();
        assertTrue(
                problems.stream().anyMatch(p -> p.startsWith(file + ": SHA-256 or size differs")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("SHA256SUMS: " + file)), problems.toString());
    }

    @Test
    void aRewrittenRecordIsFoundEvenWhenEveryFileDigestIsRecomputed() throws IOException {
        byte[] zip = export();
        String file = firstWarc(zip);
        Map<String, byte[]> files = unzip(zip);
        byte[] warc = gunzip(files.get(file));
        String text = new String(warc, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("order at @shop_");
        assertTrue(at > 0);
        warc[at] = (byte) 'O';
        byte[] forged = gzip(warc);
        // A forger who also fixes the manifest, SHA256SUMS and the manifest's digest: only the WARC digests remain.
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode tree =
                (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(files.get("manifest.json"));
        for (com.fasterxml.jackson.databind.JsonNode capture : tree.get("captures")) {
            if (capture.get("file").asText().equals(file)) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) capture)
                        .put("sha256", DeterministicJson.sha256Hex(forged))
                        .put("size", forged.length);
            }
        }
        String manifest = json.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        String sums = new String(files.get("SHA256SUMS"), StandardCharsets.UTF_8)
                .replace(DeterministicJson.sha256Hex(files.get(file)), DeterministicJson.sha256Hex(forged));
        byte[] manifestBytes = manifest.getBytes(StandardCharsets.UTF_8);
        byte[] tampered = rezip(
                zip,
                Map.of(
                        file,
                        b -> forged,
                        "manifest.json",
                        b -> manifestBytes,
                        "SHA256SUMS",
                        b -> sums.getBytes(StandardCharsets.UTF_8),
                        "manifest.json.sha256",
                        b -> (DeterministicJson.sha256Hex(manifestBytes) + "  manifest.json\n")
                                .getBytes(StandardCharsets.UTF_8)));
        List<String> problems =
                BundleVerifier.verify(new ByteArrayInputStream(tampered)).problems();
        assertEquals(
                List.of(
                        file + ": response record's block does not match its SHA-256 block digest",
                        file + ": payload does not match its SHA-256 payload digest",
                        file + ": payload SHA-256 differs from the manifest"),
                problems);
    }

    @Test
    void anEditedAuditRowOrAMissingCaptureIsFound() throws IOException {
        byte[] zip = export();
        byte[] editedAudit = rezip(
                zip,
                Map.of(
                        "audit.json",
                        b -> new String(b, StandardCharsets.UTF_8)
                                .replaceFirst("\"actor\" : \"officer1\"", "\"actor\" : \"officer2\"")
                                .getBytes(StandardCharsets.UTF_8)));
        List<String> problems =
                BundleVerifier.verify(new ByteArrayInputStream(editedAudit)).problems();
        assertTrue(
                problems.stream().anyMatch(p -> p.matches("audit row \\d+: content does not match its hash")),
                problems.toString());
        assertTrue(problems.contains("audit.json: SHA-256 differs from the manifest"), problems.toString());

        String file = firstWarc(zip);
        byte[] missing = rezip(zip, Map.of(file, b -> null));
        problems = BundleVerifier.verify(new ByteArrayInputStream(missing)).problems();
        assertTrue(problems.contains(file + ": listed in the manifest but missing"), problems.toString());
    }

    private static String firstWarc(byte[] zip) throws IOException {
        return unzip(zip).keySet().stream()
                .filter(n -> n.startsWith("warc/"))
                .findFirst()
                .orElseThrow();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        assertNotNull(files.get("manifest.json"));
        return files;
    }

    /** The same zip with some files changed (a function returning null drops the file). */
    private static byte[] rezip(byte[] zip, Map<String, UnaryOperator<byte[]>> changes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zipped = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : unzip(zip).entrySet()) {
                byte[] bytes = changes.getOrDefault(file.getKey(), UnaryOperator.identity())
                        .apply(file.getValue());
                if (bytes != null) {
                    zipped.putNextEntry(new ZipEntry(file.getKey()));
                    zipped.write(bytes);
                    zipped.closeEntry();
                }
            }
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zipped = new GZIPOutputStream(out)) {
            zipped.write(bytes);
        }
        return out.toByteArray();
    }
}
