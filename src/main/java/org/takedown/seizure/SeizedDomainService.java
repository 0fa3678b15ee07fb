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
import org.takedown.common.HostNames;
import org.takedown.common.ProblemException;
import org.takedown.operation.LocalTimes;
import org.takedown.operation.Operation;
import org.takedown.operation.OperationService;
import org.takedown.operation.PublicContentSection;

/** Seized domains of an operation. A host can be seized by only one operation that is not over. */
@ApplicationScoped
public class SeizedDomainService implements PublicContentSection {

    static final String ENTITY = "seized_domain";
    private static final Sort ORDER = Sort.by("hostname");

    @Inject
    OperationService operations;
    @Inject
    Clock clock;

    public PanacheQuery<SeizedDomain> list(long operationId, String text) {
        operations.get(operationId);
        if (text == null || text.isBlank()) {
            return SeizedDomain.find("operationId", ORDER, operationId);
        }
        return SeizedDomain.find("operationId = :op and hostname like :text", ORDER,
                Parameters.with("op", operationId).and("text", "%" + text.strip().toLowerCase(Locale.ROOT) + "%"));
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
        operations.recordEdit(operation, actor, "SEIZED_DOMAIN_ADDED", ENTITY, domain.id, Map.of("hostname", domain.hostname));
        return domain;
    }

    @Transactional
    public SeizedDomain update(String actor, long operationId, long domainId, SeizedDomainRequest request) {
        Operation operation = operations.lockForEdit(operationId);
        SeizedDomain domain = get(operationId, domainId);
        apply(operation, domain, request);
        operations.recordEdit(operation, actor, "SEIZED_DOMAIN_UPDATED", ENTITY, domain.id, Map.of("hostname", domain.hostname));
        return domain;
    }

    @Transactional
    public void remove(String actor, long operationId, long domainId) {
        Operation operation = operations.lockForEdit(operationId);
        SeizedDomain domain = get(operationId, domainId);
        domain.delete();
        operations.recordEdit(operation, actor, "SEIZED_DOMAIN_REMOVED", ENTITY, domainId, Map.of("hostname", domain.hostname));
    }

    @Override
    public String name() {
        return "seizedDomains";
    }

    record SeizedDomainPart(String hostname, Instant liveFrom, Instant liveUntil) {
    }

    @Override
    public List<SeizedDomainPart> snapshot(long operationId) {
        return SeizedDomain.<SeizedDomain>list("operationId", ORDER, operationId).stream()
                .map(d -> new SeizedDomainPart(d.hostname, d.liveFrom, d.liveUntil)).toList();
    }

    private void apply(Operation operation, SeizedDomain domain, SeizedDomainRequest request) {
        String hostname = HostNames.normaliseDomain(request.hostname()).orElseThrow();
        Instant liveFrom = LocalTimes.toInstant(request.liveFrom(), operation.timezone);
        Instant liveUntil = LocalTimes.toInstant(request.liveUntil(), operation.timezone);
        if (liveFrom != null && liveUntil != null && !liveUntil.isAfter(liveFrom)) {
            throw ProblemException.invalidField(400, "liveUntil", "must be after liveFrom");
        }
        for (SeizedDomain other : SeizedDomain.<SeizedDomain>list("hostname", hostname)) {
            if (other.id.equals(domain.id)) {
                continue;
            }
            if (other.operationId == operation.id) {
                throw ProblemException.conflict(hostname + " is already seized by this operation");
            }
            Operation owner = operations.get(other.operationId);
            if (!owner.status.isOver()) {
                throw ProblemException.conflict(hostname + " is already seized by operation " + owner.id + " (" + owner.status + ")");
            }
        }
        domain.hostname = hostname;
        domain.liveFrom = liveFrom;
        domain.liveUntil = liveUntil;
    }
}
