package org.takedown.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.stream.Collectors;
import org.takedown.common.HostNames;

/** The hosts on which officers reach the application ({@code takedown.officer-hosts}), normalised. */
@ApplicationScoped
public class OfficerHosts {

    @Inject
    SecurityConfig config;

    private Set<String> hosts;

    @PostConstruct
    void init() {
        hosts = config.officerHosts().stream()
                .map(h -> HostNames.fromHostHeader(h.strip())
                        .orElseThrow(
                                () -> new IllegalArgumentException("takedown.officer-hosts: not a host name: " + h)))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** @param host a normalised host name */
    public boolean contains(String host) {
        return hosts.contains(host);
    }
}
