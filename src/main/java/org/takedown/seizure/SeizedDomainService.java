package org.takedown.seizure;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;
import org.takedown.audit.AuditLog;
import org.takedown.common.HostNames;
import org.takedown.common.ProblemException;
import org.takedown.operation.LocalTimes;
import org.takedown.operation.Operation;
import org.takedown.operation.OperationService;
import org.takedown.operation.OperationStatus;
import org.takedown.operation.PublicContentSection;
import org.takedown.security.OfficerHosts;

/** Seized domains of an operation. A host can be seized by only one operation that is not over. */
@ApplicationScoped
public class SeizedDomainService implements PublicContentSection {

    static final String ENTITY = "seized_domain";
    static final String SCHEDULER = "system:scheduler";
    private static final Logger LOG = Logger.getLogger(SeizedDomainService.class);
    private static final Sort ORDER = Sort.by("hostname");

    @Inject
    OperationService operations;

    @Inject
    SeizedDomainSchedule schedule;

    @Inject
    OfficerHosts officerHosts;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public PanacheQuery<SeizedDomain> list(long operationId, String text) {
        operations.get(operationId);
        if (text == null || text.isBlank()) {
            return SeizedDomain.find("operationId", ORDER, operationId);
        }
        return SeizedDomain.find(
                "operationId = :op and hostname like :text",
                ORDER,
                Parameters.with("op", operationId)
                        .and("text", "%" + text.strip().toLowerCase(Locale.ROOT) + "%"));
    }

    public SeizedDomain get(long operationId, long domainId) {
        SeizedDomain domain = SeizedDomain.findById(domainId);
        if (domain == null || domain.operationId != operationId) {
            throw ProblemException.notFound("Seized domain " + domainId + " of operation " + operationId);
        }
        return domain;
    }

    @Transactional
    public SeizedDomain add(String actor, long operationId, SeizedDomainRequest request) {
        Operation operation = operations.lockForEdit(operationId);
        SeizedDomain domain = new SeizedDomain();
        domain.operationId = operationId;
        domain.createdAt = clock.instant();
        apply(operation, domain, request);
        domain.persist();
        operations.recordEdit(
                operation, actor, "SEIZED_DOMAIN_ADDED", ENTITY, domain.id, Map.of("hostname", domain.hostname));
        return domain;
    }

    @Transactional
    public SeizedDomain update(String actor, long operationId, long domainId, SeizedDomainRequest request) {
        Operation operation = operations.lockForEdit(operationId);
        SeizedDomain domain = get(operationId, domainId);
        apply(operation, domain, request);
        operations.recordEdit(
                operation, actor, "SEIZED_DOMAIN_UPDATED", ENTITY, domain.id, Map.of("hostname", domain.hostname));
        return domain;
    }

    @Transactional
    public void remove(String actor, long operationId, long domainId) {
        Operation operation = operations.lockForEdit(operationId);
        SeizedDomain domain = get(operationId, domainId);
        domain.delete();
        schedule.disarm(domainId);
        operations.recordEdit(
                operation, actor, "SEIZED_DOMAIN_REMOVED", ENTITY, domainId, Map.of("hostname", domain.hostname));
    }

    /**
     * Announces that a domain went live or retired (fired by its trigger): state, audit row and log line. Repeated
     * or outdated announcements do nothing.
     */
    @Transactional
    public void announce(long domainId, DomainState state) {
        SeizedDomain domain = SeizedDomain.findById(domainId);
        if (domain == null || domain.state == state) {
            return;
        }
        Operation operation = operations.get(domain.operationId);
        Instant now = clock.instant();
        boolean due = state == DomainState.LIVE
                ? (domain.liveFrom == null || !now.isBefore(domain.liveFrom))
                        && (domain.liveUntil == null || now.isBefore(domain.liveUntil))
                : domain.liveUntil != null && !now.isBefore(domain.liveUntil);
        if (!due || operation.status != OperationStatus.APPROVED && operation.status != OperationStatus.ACTIVE) {
            return;
        }
        domain.state = state;
        audit.recordFor(
                operation.id,
                SCHEDULER,
                state == DomainState.LIVE ? "SEIZED_DOMAIN_LIVE" : "SEIZED_DOMAIN_RETIRED",
                ENTITY,
                domain.id,
                Map.of("hostname", domain.hostname, "operation", operation.id));
        LOG.infof("Seized domain %s of operation %d is now %s", domain.hostname, operation.id, state);
    }

    @Override
    public String name() {
        return "seizedDomains";
    }

    record SeizedDomainPart(
            String hostname,
            Instant liveFrom,
            Instant liveUntil,
            boolean includeWww,
            List<String> aliases,
            boolean unavailableForLegalReasons,
            String blockedBy) {}

    @Override
    public List<SeizedDomainPart> snapshot(long operationId) {
        return SeizedDomain.<SeizedDomain>list("operationId", ORDER, operationId).stream()
                .map(d -> new SeizedDomainPart(
                        d.hostname,
                        d.liveFrom,
                        d.liveUntil,
                        d.includeWww,
                        List.copyOf(d.aliases),
                        d.unavailableForLegalReasons,
                        d.blockedBy))
                .toList();
    }

    /** Whether the operation seized this host name (a seized domain, its www form when included, or an alias). */
    public boolean isSeized(long operationId, String hostname) {
        return SeizedDomain.getEntityManager()
                        .createQuery(
                                "select count(d) from SeizedDomain d left join d.aliases a"
                                        + " where d.operationId = :op and (d.hostname = :host or a = :host"
                                        + " or (d.includeWww = true and concat('www.', d.hostname) = :host))",
                                Long.class)
                        .setParameter("op", operationId)
                        .setParameter("host", hostname)
                        .getSingleResult()
                > 0;
    }

    /** The seized domains of an operation, for the banner snapshot. */
    public List<SeizedDomain> ofOperation(long operationId) {
        return SeizedDomain.list("operationId", ORDER, operationId);
    }

    private void apply(Operation operation, SeizedDomain domain, SeizedDomainRequest request) {
        String hostname = HostNames.normaliseDomain(request.hostname()).orElseThrow();
        Instant liveFrom = LocalTimes.toInstant(request.liveFrom(), operation.timezone);
        Instant liveUntil = LocalTimes.toInstant(request.liveUntil(), operation.timezone);
        if (liveFrom != null && liveUntil != null && !liveUntil.isAfter(liveFrom)) {
            throw ProblemException.invalidField(400, "liveUntil", "must be after liveFrom");
        }
        boolean unavailable = Boolean.TRUE.equals(request.unavailableForLegalReasons());
        if (unavailable && request.blockedBy() == null) {
            throw ProblemException.invalidField(
                    400, "blockedBy", "is required when unavailableForLegalReasons is true");
        }
        domain.hostname = hostname;
        domain.liveFrom = liveFrom;
        domain.liveUntil = liveUntil;
        domain.includeWww = Boolean.TRUE.equals(request.includeWww());
        domain.aliases.clear();
        if (request.aliases() != null) {
            request.aliases()
                    .forEach(
                            a -> domain.aliases.add(HostNames.normaliseDomain(a).orElseThrow()));
        }
        domain.aliases.remove(hostname);
        domain.unavailableForLegalReasons = unavailable;
        domain.blockedBy = request.blockedBy();
        requireNoOtherClaim(operation, domain);
    }

    /** Each host a banner answers on belongs to one domain of one operation that is not over, and is never ours. */
    private void requireNoOtherClaim(Operation operation, SeizedDomain domain) {
        Set<String> mine = domain.coveredHosts();
        for (String host : mine) {
            if (officerHosts.contains(host)) {
                throw ProblemException.invalidField(
                        400,
                        host.equals(domain.hostname) ? "hostname" : "aliases",
                        host + " is an officer host of this service and cannot be seized");
            }
        }
        for (SeizedDomain other : SeizedDomain.<SeizedDomain>listAll()) {
            if (other.id.equals(domain.id)
                    || other.operationId != operation.id
                            && operations.get(other.operationId).status.isOver()) {
                continue;
            }
            Set<String> shared = new TreeSet<>(other.coveredHosts());
            shared.retainAll(mine);
            if (!shared.isEmpty()) {
                throw ProblemException.conflict(String.join(", ", shared) + " already belongs to seized domain "
                        + other.hostname
                        + (other.operationId == operation.id
                                ? " of this operation"
                                : " of operation " + other.operationId));
            }
        }
    }
}
