package org.takedown.evidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netpreserve.jwarc.HeaderValidator;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.takedown.common.DeterministicJson;

/** A capture read back with jwarc: WARC/1.1 records whose SHA-256 digests, peer, date and bodies are the exchange's. */
class WarcCaptureTest {

    private static final Instant AT = Instant.parse("2026-11-25T09:30:15.250Z");
    private static final byte[] BODY =
            "<html><title>iSpoof — спуфинг</title><p>Call anyone as anyone</p></html>".getBytes(StandardCharsets.UTF_8);

    private static HttpExchange exchange(boolean truncated) throws Exception {
        return new HttpExchange(
                URI.create("https://ispoof.example/s/shop?before=20"),
                List.of(URI.create("http://ispoof.example/s/shop")),
                InetAddress.getByName("203.0.113.7"),
                AT,
                List.of(
                        new HttpExchange.Header("Host", "ispoof.example"),
                        new HttpExchange.Header("User-Agent", "Takedown-watch")),
                200,
                "OK",
                Map.of(
                        "content-type",
                        List.of("text/html; charset=utf-8"),
                        "transfer-encoding",
                        List.of("chunked"),
                        "content-encoding",
                        List.of("gzip"),
                        "set-cookie",
                        List.of("a=1", "b=2")),
                BODY,
                truncated);
    }

    private static List<WarcRecord> records(byte[] warc, List<byte[]> blocks) throws Exception {
        List<WarcRecord> records = new ArrayList<>();
        try (WarcReader reader = new WarcReader(new ByteArrayInputStream(warc))) {
            for (WarcRecord record : reader) {
                blocks.add(record.body().stream().readAllBytes());
                records.add(record);
            }
        }
        return records;
    }

    @Test
    void aResponseAndItsRequestWithSha256DigestsThePeerAndTheDate() throws Exception {
        WarcCapture.Written written = WarcCapture.write(exchange(false));
        assertEquals(DeterministicJson.sha256Hex(written.warc()), written.sha256());
        assertEquals(DeterministicJson.sha256Hex(BODY), written.payloadSha256());
        assertEquals(0x1f, written.warc()[0] & 0xff, "gzipped");

        List<byte[]> blocks = new ArrayList<>();
        List<WarcRecord> records = records(written.warc(), blocks);
        assertEquals(2, records.size());
        WarcResponse response = (WarcResponse) records.get(0);
        WarcRequest request = (WarcRequest) records.get(1);
        for (int i = 0; i < 2; i++) {
            WarcRecord record = records.get(i);
            assertEquals(MessageVersion.WARC_1_1, record.version());
            assertEquals(
                    List.of(),
                    HeaderValidator.warc_1_1(true).validate(record.headers()),
                    "valid WARC 1.1 headers, no extensions");
            assertEquals(AT, record.date());
            assertEquals("sha256", record.blockDigest().orElseThrow().algorithm());
            assertArrayEquals(
                    MessageDigest.getInstance("SHA-256").digest(blocks.get(i)),
                    record.blockDigest().orElseThrow().bytes());
        }
        assertEquals(written.responseRecordId(), response.id().toString());
        assertEquals(List.of(response.id()), request.concurrentTo());
        assertEquals("203.0.113.7", response.ipAddress().orElseThrow().getHostAddress());
        assertEquals("203.0.113.7", request.ipAddress().orElseThrow().getHostAddress());
        assertEquals("https://ispoof.example/s/shop?before=20", response.target());
        assertEquals(WarcTruncationReason.NOT_TRUNCATED, response.truncated());
        assertArrayEquals(
                MessageDigest.getInstance("SHA-256").digest(BODY),
                response.payloadDigest().orElseThrow().bytes());

        String requestBlock = new String(blocks.get(1), StandardCharsets.ISO_8859_1);
        assertTrue(
                requestBlock.startsWith(
                        "GET /s/shop?before=20 HTTP/1.1\r\nHost: ispoof.example\r\nUser-Agent: Takedown-watch\r\n\r\n"),
                requestBlock);
        String head = new String(blocks.get(0), StandardCharsets.ISO_8859_1).split("\r\n\r\n", 2)[0];
        assertTrue(head.startsWith("HTTP/1.1 200 OK\r\n"), head);
        assertTrue(head.contains("set-cookie: a=1\r\nset-cookie: b=2"), head);
        assertTrue(head.contains("Content-Length: " + BODY.length), head);
        assertFalse(
                head.toLowerCase().contains("transfer-encoding")
                        || head.toLowerCase().contains("content-encoding"),
                "the stored body is decoded, so the transport headers would lie: " + head);
    }

    @Test
    void thePayloadReadBackIsTheBodyParsed() throws Exception {
        WarcCapture.Written written = WarcCapture.write(exchange(true));
        try (WarcReader reader = new WarcReader(new ByteArrayInputStream(written.warc()))) {
            WarcResponse response = (WarcResponse) reader.next().orElseThrow();
            assertEquals(WarcTruncationReason.LENGTH, response.truncated(), "a body cut at the size cap says so");
            assertEquals(200, response.http().status());
            assertArrayEquals(
                    BODY, response.payload().orElseThrow().body().stream().readAllBytes());
        }
    }
}
