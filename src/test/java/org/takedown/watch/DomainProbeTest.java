package org.takedown.watch;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.takedown.support.Api;
import org.takedown.support.DomainProbeProfile;
import org.takedown.support.FakeDns;
import org.takedown.support.FakeSites;
import org.takedown.support.Fixtures;

/**
 * Domain probes against a fake DNS server and fake sites: DNS facts, takedown verification of seized domains with
 * alerts when the banner is lost or the name servers change, a history row only when something changed, rules on page
 * text, captures, and history retention.
 */
@QuarkusTest
@TestProfile(DomainProbeProfile.class)
public class DomainProbeTest {

    FakeDns dns;
    FakeSites sites;

    @Inject
    DomainProber prober;

    @Inject
    WatchCycleJob cycle;

    @Inject
    DomainHistoryRetentionJob retention;

    private static long watchDomain(long operation, String domain) {
        return Api.as("officer1")
                .body(Map.of("kind", "DOMAIN", "value", domain))
                .post("/api/operations/{id}/watch-targets", operation)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    private static List<Map<String, Object>> history(long operation, long target) {
        return Api.as("viewer1")
                .get("/api/operations/{id}/watch-targets/{t}/history", operation, target)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
    }

    private static Map<String, Object> view(long operation, long target) {
        return Api.as("viewer1")
                .get("/api/operations/{id}/watch-targets/{t}", operation, target)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
    }

    @Test
    void aSeizedDomainShowingOurBannerIsVerifiedAndItsLossOrANameServerChangeRaiseAlerts() {
        String domain = "seized-" + Fixtures.unique() + ".example";
        dns.a(domain, "127.0.0.2").ns(domain, "ns1.police.example", "ns2.police.example");
        sites.serve(domain, 200, FakeSites.BANNER);
        Fixtures.Ids ids = Fixtures.operationIn("APPROVED");
        long op = ids.operation();
        Api.as("officer1")
                .body(Map.of("hostname", domain))
                .post("/api/operations/{id}/seized-domains", op)
                .then()
                .statusCode(201);
        Fixtures.approve(op, "approver1");
        long target = watchDomain(op, domain);
        QuarkusTransaction.requiringNew().run(() -> {
            WatchTarget.update("nextReadAt = ?1", Instant.parse("2100-01-01T00:00:00Z"));
            WatchTarget.update("nextReadAt = ?1 where id = ?2", Instant.now().minusSeconds(1), target);
        });

        assertEquals(1, cycle.cycle(), "the watch cycle probes due domains too");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "VERIFIED".equals(view(op, target).get("takedown")));
        List<Map<String, Object>> rows = history(op, target);
        assertEquals(1, rows.size());
        Map<String, Object> first = rows.get(0);
        assertEquals("first probe", first.get("changes"));
        assertEquals(List.of("127.0.0.2"), first.get("a"));
        assertEquals(List.of("ns1.police.example", "ns2.police.example"), first.get("ns"));
        assertEquals(200, first.get("httpStatus"));
        assertEquals("This website has been seized", first.get("title"));
        assertEquals(true, first.get("bannerShown"));
        assertEquals(true, first.get("resolvesToIngress"));
        assertNotNull(first.get("captureId"), "the first probe is captured");

        DomainProber.Probe same = prober.probe(target);
        assertFalse(same.changed());
        assertEquals(1, history(op, target).size(), "nothing changed, nothing stored");
        assertNull(view(op, target).get("alert"));

        sites.serve(domain, 200, "<html><title>iSpoof</title><body>We are back! Spoof any number.</body></html>");
        DomainProber.Probe lost = prober.probe(target);
        assertEquals(DomainProbe.Takedown.BANNER_MISSING, lost.takedown());
        Map<String, Object> shown = view(op, target);
        assertEquals("BANNER_MISSING", shown.get("takedown"));
        assertTrue(
                shown.get("alert").toString().startsWith("takedown lost: the page no longer shows our banner"),
                shown.toString());
        Map<String, Object> second = history(op, target).get(0);
        assertTrue(second.get("changes").toString().contains("takedown VERIFIED → BANNER_MISSING"), second.toString());
        assertTrue(second.get("changes").toString().contains("page text (similarity"), second.toString());
        assertTrue(((Number) second.get("similarity")).doubleValue() < 0.9, second.toString());

        sites.serve(domain, 200, FakeSites.BANNER);
        assertEquals(DomainProbe.Takedown.VERIFIED, prober.probe(target).takedown());
        dns.a(domain, "198.51.100.7");
        DomainProber.Probe moved = prober.probe(target);
        assertEquals(DomainProbe.Takedown.NOT_AT_INGRESS, moved.takedown());
        assertTrue(view(op, target).get("alert").toString().contains("resolves to 198.51.100.7, not our ingress"));
        Map<String, Object> movedRow = history(op, target).get(0);
        assertTrue(
                movedRow.get("fetchError").toString().startsWith("refused by the fetch gate"),
                "documentation range: " + movedRow);
        assertNull(movedRow.get("captureId"), "no answer, nothing to capture");

        dns.a(domain, "127.0.0.2").ns(domain, "ns1.bulletproof.example");
        prober.probe(target);
        assertEquals(
                "name servers changed from ns1.police.example,ns2.police.example to ns1.bulletproof.example",
                view(op, target).get("alert"));
        assertEquals(5, history(op, target).size());
    }

    @Test
    void aFraudDomainsPageIsFingerprintedMatchedByRulesAndFollowedThroughCname() {
        String domain = "fraud-" + Fixtures.unique() + ".example";
        dns.cname(domain, "edge." + domain).a("edge." + domain, "127.0.0.2").aaaa("edge." + domain, "2001:db8::7");
        String mirror = "mirror-" + Fixtures.unique() + ".example";
        String page = "<html><head><title>iSpoof</title></head><body><p>Spoof any caller ID. Order at @ispoof_shop.</p>"
                + "<p><a href=\"https://" + mirror + "/order\">Mirror</a> <a href=\"/plans\">Plans</a></p>"
                + "<p>Plans from 250 USD a month, unlimited calls, voice changer included, support around the clock.</p></body></html>";
        sites.serve(domain, 200, page);
        long op = Fixtures.createOperation("officer1");
        Api.as("officer1")
                .body(Map.of("kind", "KEYWORD", "pattern", "caller id"))
                .post("/api/operations/{id}/watch-rules", op)
                .then()
                .statusCode(201);
        long target = Api.as("officer1")
                .body(Map.of("kind", "DOMAIN", "value", domain))
                .post("/api/operations/{id}/watch-targets", op)
                .then()
                .statusCode(400)
                .extract()
                .jsonPath()
                .getLong("status");
        assertEquals(400, target, "a name with a documentation-range AAAA is refused at save time, like at fetch time");
        dns.aaaa("edge." + domain);
        long watched = watchDomain(op, domain);

        DomainProber.Probe probe = prober.probe(watched);
        assertEquals(WatchTarget.ReadStatus.OK, probe.status());
        assertNull(probe.takedown(), "not a seized domain");
        assertEquals(1, probe.sightings());
        assertEquals(2, probe.discovered(), "the mirror domain and the handle; not the page's own links");
        Map<String, Object> row = history(op, watched).get(0);
        assertEquals(List.of("edge." + domain), row.get("cname"));
        assertEquals(List.of("127.0.0.2"), row.get("a"));
        assertEquals("iSpoof", row.get("title"));
        List<Map<String, Object>> sightings = Api.as("viewer1")
                .get("/api/operations/{id}/sightings", op)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        assertEquals(1, sightings.size());
        assertEquals(row.get("id"), sightings.get(0).get("probeId"));
        assertNull(sightings.get(0).get("postId"));
        assertEquals(row.get("captureId"), sightings.get(0).get("captureId"));
        List<Map<String, Object>> candidates = Api.as("viewer1")
                .get("/api/operations/{id}/discoveries", op)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        assertEquals(
                java.util.Set.of("DOMAIN " + mirror, "TELEGRAM_CHANNEL ispoof_shop"),
                candidates.stream()
                        .map(c -> c.get("kind") + " " + c.get("value"))
                        .collect(java.util.stream.Collectors.toSet()));
        assertTrue(candidates.stream()
                .allMatch(c -> row.get("id").equals(c.get("sourceProbeId")) && c.get("sourcePostId") == null));

        sites.serve(domain, 200, page.replace("250 USD", "300 USD"));
        prober.probe(watched);
        Map<String, Object> changed = history(op, watched).get(0);
        double similarity = ((Number) changed.get("similarity")).doubleValue();
        assertTrue(similarity > 0.75 && similarity < 1.0, "one word changed: " + similarity);
        assertEquals(
                2,
                Api.as("viewer1")
                        .get("/api/operations/{id}/sightings", op)
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("items")
                        .size(),
                "the changed page is matched again");
        assertEquals(
                2,
                Api.as("viewer1")
                        .get("/api/operations/{id}/discoveries", op)
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("items")
                        .size(),
                "names already queued are not queued again");
    }

    @Test
    void overHttpsTheCertificateIsRecordedAndStillVerified() {
        String domain = "shop-" + Fixtures.unique() + "." + FakeSites.TLS_DOMAIN;
        dns.a(domain, "127.0.0.2");
        sites.serveOverTls(domain, "<html><title>Secure spoofing</title><body>Now over TLS</body></html>");
        long op = Fixtures.createOperation("officer1");
        long target = watchDomain(op, domain);

        assertEquals(WatchTarget.ReadStatus.OK, prober.probe(target).status());
        Map<String, Object> row = history(op, target).get(0);
        assertEquals(
                "https://" + domain + ":" + sites.tlsPort() + "/",
                row.get("finalUrl"),
                "followed the redirect to https");
        assertEquals(List.of("http://" + domain + ":" + sites.port() + "/"), row.get("redirects"));
        assertEquals("Secure spoofing", row.get("title"));
        assertTrue(row.get("tlsSubject").toString().contains("CN=*." + FakeSites.TLS_DOMAIN), row.toString());
        assertTrue(row.get("tlsIssuer").toString().contains("O=Fake Sites CA"), row.toString());
        Instant notAfter = Instant.parse(row.get("tlsNotAfter").toString());
        assertTrue(
                notAfter.isAfter(Instant.now().plus(Duration.ofDays(29)))
                        && notAfter.isBefore(Instant.now().plus(Duration.ofDays(31))),
                "valid for the 30 days it was made for: " + notAfter);

        String wrongName = "elsewhere-" + Fixtures.unique() + ".example";
        dns.a(wrongName, "127.0.0.2");
        sites.serveOverTls(wrongName, "<html><body>certificate for another name</body></html>");
        long other = watchDomain(op, wrongName);
        assertEquals(WatchTarget.ReadStatus.FAILED, prober.probe(other).status());
        Map<String, Object> refused = history(op, other).get(0);
        assertTrue(
                refused.get("fetchError").toString().contains("not verified"),
                "host names are still verified: " + refused);
        assertNull(refused.get("tlsSubject"));
    }

    @Test
    void historyPastRetentionIsDeletedExceptEachDomainsNewestRow() {
        String domain = "old-" + Fixtures.unique() + ".example";
        dns.a(domain, "127.0.0.2");
        sites.serve(domain, 200, "<html><body>v1</body></html>");
        long op = Fixtures.createOperation("officer1");
        long target = watchDomain(op, domain);
        prober.probe(target);
        sites.serve(domain, 200, "<html><body>v2</body></html>");
        prober.probe(target);
        sites.serve(domain, 200, "<html><body>v3</body></html>");
        prober.probe(target);
        QuarkusTransaction.requiringNew()
                .run(() -> DomainProbe.update(
                        "probedAt = ?1 where targetId = ?2", Instant.now().minus(400, ChronoUnit.DAYS), target));

        assertTrue(retention.purge() >= 2);
        List<Map<String, Object>> left = history(op, target);
        assertEquals(1, left.size());
        assertTrue(left.get(0).get("changes").toString().contains("page text"), "the newest row stays: " + left);
    }
}
