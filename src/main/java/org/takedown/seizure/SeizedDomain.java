package org.takedown.seizure;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/** A domain seized under an operation; its banner is live from {@code liveFrom} until {@code liveUntil}. */
@Entity
@Table(name = "seized_domain")
public class SeizedDomain extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long operationId;
    /** Normalised: lowercase, no trailing dot, punycode. */
    public String hostname;

    public Instant liveFrom;
    public Instant liveUntil;
    /** Also serve the banner on {@code www.<hostname>}. */
    public boolean includeWww;
    /** Further host names (normalised) that show this domain's banner. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "seized_domain_alias", joinColumns = @JoinColumn(name = "seized_domain_id"))
    @Column(name = "hostname")
    public Set<String> aliases = new TreeSet<>();
    /** Answer 451 with {@code Link: <blockedBy>; rel="blocked-by"} (RFC 7725) instead of 200. */
    public boolean unavailableForLegalReasons;

    public String blockedBy;

    @Enumerated(EnumType.STRING)
    public DomainState state = DomainState.SCHEDULED;

    public Instant createdAt;

    /** Every host this domain's banner answers on. */
    public Set<String> coveredHosts() {
        Set<String> hosts = new LinkedHashSet<>();
        hosts.add(hostname);
        if (includeWww) {
            hosts.add("www." + hostname);
        }
        hosts.addAll(aliases);
        return hosts;
    }
}
