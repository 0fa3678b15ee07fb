package org.takedown.watch;

import java.net.InetAddress;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.takedown.evidence.HttpExchange;

/**
 * What one fetch returned: the final URL after redirects (each hop listed), the address actually connected to, when
 * the answer arrived, the request headers as sent, the status, headers (names lowercased) and the decompressed body,
 * cut at the size cap ({@code truncated}), and over https the server's certificate.
 */
public record Fetched(
        URI url,
        List<URI> redirects,
        InetAddress address,
        Instant at,
        List<HttpExchange.Header> requestHeaders,
        int status,
        String reason,
        Map<String, List<String>> headers,
        byte[] body,
        boolean truncated,
        Certificate certificate) {

    /** The server's TLS certificate over https (null over http): who it names, who issued it, until when. */
    public record Certificate(String subject, String issuer, Instant notBefore, Instant notAfter) {

        static Certificate of(X509Certificate x509) {
            return new Certificate(
                    x509.getSubjectX500Principal().getName(),
                    x509.getIssuerX500Principal().getName(),
                    x509.getNotBefore().toInstant(),
                    x509.getNotAfter().toInstant());
        }
    }

    /** The fetch as evidence keeps it. */
    public HttpExchange exchange() {
        return new HttpExchange(url, redirects, address, at, requestHeaders, status, reason, headers, body, truncated);
    }
}
