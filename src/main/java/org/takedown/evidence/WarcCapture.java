package org.takedown.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.netpreserve.jwarc.WarcWriter;
import org.takedown.common.DeterministicJson;

/**
 * Writes one exchange as a gzipped WARC/1.1 file: a response record and the request record concurrent to it, each
 * with its SHA-256 block digest, the response also with its SHA-256 payload digest, the peer address and the UTC
 * date of the answer.
 * <p>
 * The body is stored as the reader received it after the transport was undone: the fetch gate decodes gzip and
 * chunking, so the recorded response drops {@code Content-Encoding} and {@code Transfer-Encoding} and states the
 * stored length. A WARC reader therefore gets back exactly the bytes that were parsed.
 */
public final class WarcCapture {

    /** Response headers that describe the transport, not the stored body. */
    private static final Set<String> TRANSPORT_HEADERS =
            Set.of("content-encoding", "transfer-encoding", "content-length");

    /** The WARC file and what identifies it. */
    public record Written(byte[] warc, String sha256, String payloadSha256, String responseRecordId) {}

    private WarcCapture() {}

    public static Written write(HttpExchange exchange) {
        byte[] requestBlock = requestBlock(exchange);
        byte[] responseBlock = responseBlock(exchange);
        try {
            WarcResponse.Builder response = new WarcResponse.Builder(exchange.url())
                    .version(MessageVersion.WARC_1_1)
                    .date(exchange.at())
                    .body(MediaType.HTTP_RESPONSE, responseBlock)
                    .setHeader("WARC-Block-Digest", sha256Digest(responseBlock))
                    .setHeader("WARC-Payload-Digest", sha256Digest(exchange.body()));
            if (exchange.truncated()) {
                response.truncated(WarcTruncationReason.LENGTH);
            }
            WarcResponse built = (exchange.peer() == null ? response : response.ipAddress(exchange.peer())).build();
            WarcRequest.Builder request = new WarcRequest.Builder(exchange.url())
                    .version(MessageVersion.WARC_1_1)
                    .date(exchange.at())
                    .concurrentTo(built.id())
                    .body(MediaType.HTTP_REQUEST, requestBlock)
                    .setHeader("WARC-Block-Digest", sha256Digest(requestBlock));
            ByteArrayOutputStream out = new ByteArrayOutputStream(responseBlock.length / 4 + 1024);
            try (WarcWriter writer = new WarcWriter(Channels.newChannel(out), WarcCompression.GZIP)) {
                writer.write(built);
                writer.write((exchange.peer() == null ? request : request.ipAddress(exchange.peer())).build());
            }
            byte[] warc = out.toByteArray();
            return new Written(
                    warc,
                    DeterministicJson.sha256Hex(warc),
                    DeterministicJson.sha256Hex(exchange.body()),
                    built.id().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("writing a WARC record in memory failed", e);
        }
    }

    private static byte[] requestBlock(HttpExchange exchange) {
        String target = exchange.url().getRawPath() == null
                        || exchange.url().getRawPath().isEmpty()
                ? "/"
                : exchange.url().getRawPath();
        if (exchange.url().getRawQuery() != null) {
            target += "?" + exchange.url().getRawQuery();
        }
        StringBuilder head = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\n");
        for (HttpExchange.Header header : exchange.requestHeaders()) {
            head.append(header.name()).append(": ").append(header.value()).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] responseBlock(HttpExchange exchange) {
        StringBuilder head = new StringBuilder("HTTP/1.1 ")
                .append(exchange.status())
                .append(' ')
                .append(exchange.reason() == null || exchange.reason().isBlank() ? "-" : exchange.reason())
                .append("\r\n");
        exchange.responseHeaders().forEach((name, values) -> {
            if (!TRANSPORT_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                for (String value : values) {
                    head.append(name).append(": ").append(value).append("\r\n");
                }
            }
        });
        head.append("Content-Length: ").append(exchange.body().length).append("\r\n\r\n");
        byte[] top = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] block = new byte[top.length + exchange.body().length];
        System.arraycopy(top, 0, block, 0, top.length);
        System.arraycopy(exchange.body(), 0, block, top.length, exchange.body().length);
        return block;
    }

    /**
     * As a header value in hex: jwarc writes a {@code WarcDigest} in base32 padded with '=', which the WARC grammar
     * for a digest value (a token) does not allow, and which its own validator reports.
     */
    private static String sha256Digest(byte[] bytes) {
        return "sha256:" + HexFormat.of().formatHex(sha256(bytes));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
