package org.takedown.watch;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The outbound fetch gate ({@link FetchGate}): what it may reach and how much it reads. */
@ConfigMapping(prefix = "takedown.fetch")
public interface FetchConfig {

    /** Ports a fetched URL may name (or imply). */
    @WithDefault("80,443")
    Set<Integer> allowedPorts();

    /** The most a response body may give, decompressed; more is cut off and marked truncated. */
    @WithDefault("2097152")
    int maxBodyBytes();

    @WithDefault("5s")
    Duration connectTimeout();

    /** For the whole fetch, redirects included. */
    @WithDefault("20s")
    Duration totalTimeout();

    @WithDefault("5")
    int maxRedirects();

    /**
     * Address ranges let through although the rules refuse them, e.g. {@code 127.0.0.0/8} for test fixtures. Empty in
     * production: every exception is an SSRF hole.
     */
    Optional<List<String>> allowCidrs();

    /**
     * A PEM file of certificates trusted for https besides the Java runtime's own authorities. For tests, whose fixture
     * sites have self-made certificates; a production service has no use for it.
     */
    Optional<String> extraTrustedCertificates();

    @WithDefault("Mozilla/5.0 (compatible; TakedownWatch/1.0)")
    String userAgent();
}
