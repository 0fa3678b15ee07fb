package org.takedown.watch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * DNS through dnsjava, asking the configured server ({@code takedown.probe.dns-server}) or the system's resolvers:
 * a domain's A, AAAA, CNAME and NS records for probes, and a host's addresses for the fetch gate, so that what a probe
 * reports and where the gate connects come from the same answers. Nothing is cached here.
 */
@ApplicationScoped
public class DnsLookup {

    /** What DNS said about a domain. Sorted lists; {@code error} is set when the name could not be looked up at all. */
    public record Answer(List<String> a, List<String> aaaa, List<String> cname, List<String> ns, String error) {

        boolean resolves() {
            return !a.isEmpty() || !aaaa.isEmpty();
        }
    }

    private final Resolver resolver;

    @Inject
    public DnsLookup(ProbeConfig config) {
        try {
            resolver =
                    config.dnsServer().isPresent() ? server(config.dnsServer().get()) : new ExtendedResolver();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(
                    "takedown.probe.dns-server: unknown host "
                            + config.dnsServer().get(),
                    e);
        }
        resolver.setTimeout(config.dnsTimeout());
    }

    private static Resolver server(String hostAndPort) throws UnknownHostException {
        int colon = hostAndPort.lastIndexOf(':');
        boolean withPort = colon > 0 && hostAndPort.indexOf(':') == colon;
        SimpleResolver simple = new SimpleResolver(withPort ? hostAndPort.substring(0, colon) : hostAndPort);
        if (withPort) {
            simple.setPort(Integer.parseInt(hostAndPort.substring(colon + 1)));
        }
        return simple;
    }

    public Answer lookup(String domain) {
        try {
            Name name = Name.fromString(domain.endsWith(".") ? domain : domain + ".");
            List<String> cname = new ArrayList<>();
            List<String> a = new ArrayList<>();
            List<String> aaaa = new ArrayList<>();
            collect(query(name, Type.A), cname, a, aaaa);
            collect(query(name, Type.AAAA), cname, a, aaaa);
            return new Answer(sorted(a), sorted(aaaa), sorted(cname), nameServers(name), null);
        } catch (TextParseException e) {
            return new Answer(List.of(), List.of(), List.of(), List.of(), "not a DNS name: " + e.getMessage());
        } catch (IOException e) {
            return new Answer(List.of(), List.of(), List.of(), List.of(), "DNS did not answer: " + e.getMessage());
        }
    }

    /** A and AAAA addresses of a host, as the fetch gate needs them (no NS walk). */
    public List<InetAddress> addresses(String host) throws UnknownHostException {
        List<String> a = new ArrayList<>();
        List<String> aaaa = new ArrayList<>();
        try {
            Name name = Name.fromString(host.endsWith(".") ? host : host + ".");
            collect(query(name, Type.A), new ArrayList<>(), a, aaaa);
            collect(query(name, Type.AAAA), new ArrayList<>(), a, aaaa);
        } catch (IOException e) {
            throw new UnknownHostException(host + ": " + e.getMessage());
        }
        if (a.isEmpty() && aaaa.isEmpty()) {
            throw new UnknownHostException(host + ": no A or AAAA record");
        }
        List<InetAddress> addresses = new ArrayList<>();
        for (String address : sorted(a)) {
            addresses.add(InetAddress.getByName(address));
        }
        for (String address : sorted(aaaa)) {
            addresses.add(InetAddress.getByName(address));
        }
        return addresses;
    }

    private Message query(Name name, int type) throws IOException {
        Message response = resolver.send(Message.newQuery(Record.newRecord(name, type, DClass.IN)));
        int rcode = response.getRcode();
        if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
            throw new IOException(Rcode.string(rcode) + " for " + name + " " + Type.string(type));
        }
        return response;
    }

    private static void collect(Message response, List<String> cname, List<String> a, List<String> aaaa) {
        for (Record record : response.getSection(Section.ANSWER)) {
            if (record instanceof CNAMERecord c && !cname.contains(text(c.getTarget()))) {
                cname.add(text(c.getTarget()));
            } else if (record instanceof ARecord r) {
                a.add(r.getAddress().getHostAddress());
            } else if (record instanceof AAAARecord r) {
                aaaa.add(r.getAddress().getHostAddress());
            }
        }
    }

    /** The name servers of the domain, or of the nearest parent that has some (a host inside a zone has none itself). */
    private List<String> nameServers(Name name) throws IOException {
        for (Name current = name; current.labels() > 2; current = new Name(current, 1)) {
            List<String> ns = new ArrayList<>();
            for (Record record : query(current, Type.NS).getSection(Section.ANSWER)) {
                if (record instanceof NSRecord r) {
                    ns.add(text(r.getTarget()));
                }
            }
            if (!ns.isEmpty()) {
                return sorted(ns);
            }
        }
        return List.of();
    }

    private static String text(Name name) {
        String text = name.toString(true);
        return text.toLowerCase(Locale.ROOT);
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().distinct().sorted().toList();
    }
}
