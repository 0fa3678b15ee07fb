package org.takedown.watch;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** One row of a watched domain's history: what a probe found when it differed from the row before. */
@Entity
@Table(name = "domain_probe")
public class DomainProbe extends PanacheEntityBase {

    /** Of a seized domain: our banner is there; it resolves elsewhere than our ingress; or it does not show the banner. */
    public enum Takedown {
        VERIFIED,
        NOT_AT_INGRESS,
        BANNER_MISSING
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long operationId;
    public long targetId;
    public Instant probedAt;
    /** Sorted, comma-separated. */
    @Column(name = "dns_a")
    public String dnsA;

    public String dnsAaaa;
    public String dnsCname;
    public String dnsNs;
    public String dnsError;
    public Integer httpStatus;
    public String finalUrl;
    /** One per line. */
    public String redirects;

    public String title;
    public String textSha256;
    public Long simhash;
    /** SimHash similarity of the page text to the previous row's (1.0 the same, about 0.5 unrelated). */
    public Double similarity;

    public String fetchError;
    /** The server's certificate, over https. */
    public String tlsSubject;

    public String tlsIssuer;
    public Instant tlsNotBefore;
    public Instant tlsNotAfter;
    public Boolean bannerShown;
    public Boolean resolvesToIngress;

    @Enumerated(EnumType.STRING)
    public Takedown takedown;
    /** What differed from the row before ("first probe" for the first). */
    public String changes;

    public Long captureId;

    static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split("[,\n]"));
    }
}
