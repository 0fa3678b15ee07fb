package org.takedown.watch;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Probing watched domains: DNS, the page, takedown verification and the history kept. */
@ConfigMapping(prefix = "takedown.probe")
public interface ProbeConfig {

    /** The DNS server asked ({@code host} or {@code host:port}); absent: the system's resolvers. The fetch gate uses it too. */
    Optional<String> dnsServer();

    @WithDefault("5s")
    Duration dnsTimeout();

    /** How often a watched domain is probed unless its target says otherwise. */
    @WithDefault("1h")
    Duration every();

    /** The page fetched for a domain; {@code {domain}} is replaced by the domain name. */
    @WithDefault("https://{domain}/")
    String url();

    /** Our ingress: the addresses or CIDR ranges a seized domain must resolve to (absent: not checked). */
    Optional<List<String>> ingressAddresses();

    /** Probe history older than this is deleted (the newest row of each domain is always kept). */
    @WithDefault("180d")
    Duration historyRetention();
}
