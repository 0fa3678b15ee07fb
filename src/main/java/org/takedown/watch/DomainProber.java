package org.takedown.watch;

import io.quarkus.panache.common.Sort;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.takedown.common.ProblemException;
import org.takedown.common.TextClip;
import org.takedown.evidence.EvidenceService;
import org.takedown.seizure.SeizedDomainService;

/**
 * Probes a watched domain: its DNS (A, AAAA, CNAME, NS), then its page through the fetch gate (status, redirects,
 * final URL, title, a fingerprint of the text, the TLS certificate over https). When anything differs from the last history row a new row is stored
 * with a capture of the fetch, and a changed page is run through the operation's rules and searched for new domains
 * and handles (discovery).
 * <p>
 * For a domain the operation seized, the probe verifies the takedown: the domain must resolve to our ingress
 * ({@code takedown.probe.ingress-addresses}, when configured) and its page must carry the banner marker. Losing a
 * verified takedown, or a change of the domain's name servers, raises an alert on the target.
 */
@ApplicationScoped
public class DomainProber {

    private static final Logger LOG = Logger.getLogger(DomainProber.class);

    /** What one probe found: how it went, whether it changed anything, the takedown status of a seized domain. */
    public record Probe(
            WatchTarget.ReadStatus status,
            String detail,
            boolean changed,
            DomainProbe.Takedown takedown,
            int sightings,
            int discovered) {}

    /** What a probe stored; {@code newPageRow} is the history row of a page whose text changed, for discovery. */
    record Stored(Probe probe, Long newPageRow) {}

    @Inject
    DnsLookup dns;

    @Inject
    FetchGate gate;

    @Inject
    ProbeConfig config;

    @Inject
    SightingService sightings;

    @Inject
    EvidenceService evidence;

    @Inject
    DiscoveryService discoveries;

    @Inject
    SeizedDomainService seizedDomains;

    @Inject
    Clock clock;

    private List<Cidr> ingress;

    @PostConstruct
    void parseIngress() {
        ingress = config.ingressAddresses().orElse(List.of()).stream()
                .map(String::strip)
                .map(a -> Cidr.parse(a.contains("/") ? a : a + (a.contains(":") ? "/128" : "/32")))
                .toList();
    }

    public Probe probe(long targetId) {
        return probe(targetId, domainOf(targetId));
    }

    /** Probes a domain the watch cycle claimed. */
    Probe probe(DueReads.Claim claim) {
        return probe(claim.targetId(), claim.value());
    }

    private Probe probe(long targetId, String domain) {
        DnsLookup.Answer answer = dns.lookup(domain);
        Fetched fetched = null;
        String fetchError = null;
        try {
            fetched = gate.fetch(config.url().replace("{domain}", domain));
        } catch (FetchRefused refused) {
            fetchError = "refused by the fetch gate: " + refused.getMessage();
        } catch (IOException e) {
            fetchError = "no answer: " + e.getMessage();
        }
        ProbedPage page = fetched == null ? null : ProbedPage.of(fetched);
        Stored stored = store(targetId, answer, fetched, page, fetchError);
        if (stored.newPageRow() == null) {
            return stored.probe();
        }
        int discovered = discoveries.collectFromPage(
                targetId, stored.newPageRow(), page.links(), page.title() + "\n" + page.text());
        Probe probe = stored.probe();
        return discovered == 0
                ? probe
                : new Probe(
                        probe.status(),
                        probe.detail() + ", " + discovered + " new domains or handles",
                        probe.changed(),
                        probe.takedown(),
                        probe.sightings(),
                        discovered);
    }

    @Transactional
    String domainOf(long targetId) {
        WatchTarget target = WatchTarget.findById(targetId);
        if (target == null || target.kind != WatchTargetKind.DOMAIN) {
            throw ProblemException.notFound("Watched domain " + targetId);
        }
        return target.value;
    }

    @Transactional
    Stored store(long targetId, DnsLookup.Answer answer, Fetched fetched, ProbedPage page, String fetchError) {
        WatchTarget target = WatchTarget.findById(targetId);
        if (target == null) {
            return new Stored(
                    new Probe(
                            WatchTarget.ReadStatus.FAILED,
                            "the target was removed during the probe",
                            false,
                            null,
                            0,
                            0),
                    null);
        }
        DomainProbe previous =
                DomainProbe.find("targetId", Sort.descending("id"), targetId).firstResult();
        DomainProbe row = row(target, answer, fetched, page, fetchError);
        if (seizedDomains.isSeized(target.operationId, target.value)) {
            row.resolvesToIngress = ingress.isEmpty()
                    ? null
                    : answer.resolves() && addresses(answer).allMatch(this::atIngress);
            row.bannerShown = page != null && page.bannerShown();
            row.takedown = Boolean.FALSE.equals(row.resolvesToIngress)
                    ? DomainProbe.Takedown.NOT_AT_INGRESS
                    : row.bannerShown ? DomainProbe.Takedown.VERIFIED : DomainProbe.Takedown.BANNER_MISSING;
            alertOnLoss(target, previous, row);
        }
        if (previous != null && previous.simhash != null && row.simhash != null) {
            row.similarity = new TextFingerprint(previous.textSha256, previous.simhash)
                    .similarity(new TextFingerprint(row.textSha256, row.simhash));
        }
        List<String> changes = changes(previous, row);
        int found = 0;
        Long newPageRow = null;
        if (!changes.isEmpty()) {
            row.changes = clip(String.join("; ", changes), 1000);
            if (fetched != null) {
                row.captureId = evidence.capture(
                                target.operationId,
                                target.id,
                                target.value,
                                clip("domain probe: " + row.changes, 200),
                                fetched.exchange())
                        .id;
            }
            row.persist();
            if (page != null && (previous == null || !Objects.equals(previous.textSha256, row.textSha256))) {
                found = sightings
                        .evaluatePage(target, row, page.title() + "\n" + page.text())
                        .size();
                newPageRow = row.id;
            }
        }
        target.takedown = row.takedown;
        target.lastReadAt = row.probedAt;
        target.lastReadStatus = fetched == null && fetchError != null || answer.error() != null
                ? WatchTarget.ReadStatus.FAILED
                : WatchTarget.ReadStatus.OK;
        String detail = changes.isEmpty() ? "no change" : row.changes;
        detail += fetchError == null ? "" : "; " + fetchError;
        detail += answer.error() == null ? "" : "; " + answer.error();
        target.lastReadDetail = clip(detail, 500);
        return new Stored(
                new Probe(target.lastReadStatus, detail, !changes.isEmpty(), row.takedown, found, 0), newPageRow);
    }

    private DomainProbe row(
            WatchTarget target, DnsLookup.Answer answer, Fetched fetched, ProbedPage page, String fetchError) {
        DomainProbe row = new DomainProbe();
        row.operationId = target.operationId;
        row.targetId = target.id;
        row.probedAt = clock.instant();
        row.dnsA = String.join(",", answer.a());
        row.dnsAaaa = String.join(",", answer.aaaa());
        row.dnsCname = String.join(",", answer.cname());
        row.dnsNs = String.join(",", answer.ns());
        row.dnsError = answer.error() == null ? null : clip(answer.error(), 500);
        row.fetchError = fetchError == null ? null : clip(fetchError, 500);
        if (fetched != null) {
            row.httpStatus = fetched.status();
            row.finalUrl = fetched.url().toString();
            row.redirects = fetched.redirects().stream().map(URI::toString).collect(Collectors.joining("\n"));
            if (fetched.certificate() != null) {
                row.tlsSubject = clip(fetched.certificate().subject(), 1000);
                row.tlsIssuer = clip(fetched.certificate().issuer(), 1000);
                row.tlsNotBefore = fetched.certificate().notBefore();
                row.tlsNotAfter = fetched.certificate().notAfter();
            }
        }
        if (page != null) {
            TextFingerprint fingerprint = TextFingerprint.of(page.title() + "\n" + page.text());
            row.title = page.title();
            row.textSha256 = fingerprint.sha256();
            row.simhash = fingerprint.simhash();
        }
        row.changes = "";
        return row;
    }

    private static List<String> changes(DomainProbe previous, DomainProbe row) {
        List<String> changes = new ArrayList<>();
        if (previous == null) {
            changes.add("first probe");
            return changes;
        }
        compare(changes, "A", previous.dnsA, row.dnsA);
        compare(changes, "AAAA", previous.dnsAaaa, row.dnsAaaa);
        compare(changes, "CNAME", previous.dnsCname, row.dnsCname);
        compare(changes, "NS", previous.dnsNs, row.dnsNs);
        compare(changes, "HTTP status", previous.httpStatus, row.httpStatus);
        compare(changes, "final URL", previous.finalUrl, row.finalUrl);
        compare(changes, "fetch error", previous.fetchError, row.fetchError);
        compare(changes, "TLS certificate", certificate(previous), certificate(row));
        compare(changes, "takedown", previous.takedown, row.takedown);
        if (!Objects.equals(previous.textSha256, row.textSha256)) {
            changes.add(
                    "page text" + (row.similarity == null ? "" : String.format(" (similarity %.2f)", row.similarity)));
        }
        return changes;
    }

    private static String certificate(DomainProbe row) {
        return row.tlsSubject == null ? null : row.tlsSubject + " by " + row.tlsIssuer + " until " + row.tlsNotAfter;
    }

    private static void compare(List<String> changes, String what, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(what + " " + show(before) + " → " + show(after));
        }
    }

    private static String show(Object value) {
        return value == null || value.toString().isEmpty() ? "none" : value.toString();
    }

    private void alertOnLoss(WatchTarget target, DomainProbe previous, DomainProbe row) {
        if (previous == null) {
            return;
        }
        List<String> alerts = new ArrayList<>();
        if (previous.takedown == DomainProbe.Takedown.VERIFIED && row.takedown != DomainProbe.Takedown.VERIFIED) {
            alerts.add("takedown lost: "
                    + (row.takedown == DomainProbe.Takedown.NOT_AT_INGRESS
                            ? "the domain resolves to "
                                    + show(row.dnsA + (row.dnsAaaa.isEmpty() ? "" : "," + row.dnsAaaa))
                                    + ", not our ingress"
                            : "the page no longer shows our banner"
                                    + (row.httpStatus == null
                                            ? " (" + show(row.fetchError) + ")"
                                            : " (HTTP " + row.httpStatus + ")")));
        }
        if (!previous.dnsNs.isEmpty() && !previous.dnsNs.equals(row.dnsNs)) {
            alerts.add("name servers changed from " + previous.dnsNs + " to " + show(row.dnsNs));
        }
        if (!alerts.isEmpty()) {
            target.alert = clip(String.join("; ", alerts), 500);
            target.alertAt = row.probedAt;
            LOG.warnf(
                    "ALERT: seized domain %s (watch target %d of operation %d): %s",
                    target.value, target.id, target.operationId, target.alert);
        }
    }

    private static Stream<byte[]> addresses(DnsLookup.Answer answer) {
        return Stream.concat(answer.a().stream(), answer.aaaa().stream()).map(literal -> {
            try {
                return InetAddress.getByName(literal).getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalStateException("DNS gave a malformed address " + literal, e);
            }
        });
    }

    private boolean atIngress(byte[] address) {
        return ingress.stream().anyMatch(range -> range.contains(address));
    }

    private static String clip(String text, int max) {
        return TextClip.clipWithEllipsis(text, max);
    }
}
