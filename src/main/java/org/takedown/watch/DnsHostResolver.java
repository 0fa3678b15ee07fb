package org.takedown.watch;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Addresses for the fetch gate: from the configured DNS server ({@code takedown.probe.dns-server}, the one domain
 * probes report on) when there is one, else from the operating system's resolver.
 */
@ApplicationScoped
@DefaultBean
public class DnsHostResolver implements HostResolver {

    @Inject
    ProbeConfig config;

    @Inject
    DnsLookup dns;

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        return config.dnsServer().isPresent() ? dns.addresses(host) : List.of(InetAddress.getAllByName(host));
    }
}
