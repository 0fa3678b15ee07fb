package org.takedown.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A fake DNS server and fake web sites for domain probes. The application asks the fake DNS (for probes and for the
 * fetch gate alike) and fetches pages on the sites' port; the gate lets through 127.0.0.2/32, where the sites listen,
 * and treats it as our ingress.
 */
public class FakeDomainsResource implements QuarkusTestResourceLifecycleManager {

    private FakeDns dns;
    private FakeSites sites;

    @Override
    public Map<String, String> start() {
        dns = FakeDns.start();
        sites = FakeSites.start();
        return Map.of(
                "takedown.probe.dns-server",
                dns.address(),
                "takedown.probe.url",
                "http://{domain}:" + sites.port() + "/",
                "takedown.probe.ingress-addresses",
                "127.0.0.2",
                "takedown.fetch.allow-cidrs",
                "127.0.0.2/32",
                "takedown.fetch.allowed-ports",
                "80,443," + sites.port() + "," + sites.tlsPort(),
                "takedown.fetch.extra-trusted-certificates",
                sites.certificatePem().toString());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(dns, new TestInjector.MatchesType(FakeDns.class));
        injector.injectIntoFields(sites, new TestInjector.MatchesType(FakeSites.class));
    }

    @Override
    public void stop() {
        if (dns != null) {
            dns.close();
        }
        if (sites != null) {
            sites.close();
        }
    }
}
