package org.takedown.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import org.takedown.watch.DnsHostResolver;

/**
 * DNS for the tests, which cannot control real DNS: {@code <address with dashes>.resolves-to.test} resolves to that
 * address ({@code 10-0-0-7.resolves-to.test} → 10.0.0.7); every other name goes where production would send it:
 * the configured DNS server (a test's fake DNS), else the system resolver.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class FixtureHostResolver extends DnsHostResolver {

    public static final String SUFFIX = ".resolves-to.test";

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.endsWith(SUFFIX)) {
            String label = name.substring(0, name.length() - SUFFIX.length());
            // Only address literals: the dashes become dots (IPv4) or colons (IPv6), never a name to look up.
            String literal = label.matches("[0-9]+(-[0-9]+){3}") ? label.replace('-', '.') : label.replace('-', ':');
            if (!literal.matches("[0-9.]+|[0-9a-f:]+")) {
                throw new UnknownHostException(host);
            }
            return List.of(InetAddress.getByName(literal));
        }
        return super.resolve(host);
    }
}
