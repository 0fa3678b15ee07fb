package org.takedown.operation;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.takedown.common.DeterministicJson;
import org.takedown.common.ProblemException;

/** Agencies of an operation and their emblems; part of the public content (the banner shows them). */
@ApplicationScoped
public class AgencyService implements PublicContentSection {

    static final String ENTITY = "agency";
    private static final Sort ORDER = Sort.by("displayOrder").and("id");

    @Inject
    OperationService operations;

    @Inject
    Clock clock;

    public PanacheQuery<Agency> list(long operationId) {
        operations.get(operationId);
        return Agency.find("operationId", ORDER, operationId);
    }

    public Agency get(long operationId, long agencyId) {
        Agency agency = Agency.findById(agencyId);
        if (agency == null || agency.operationId != operationId) {
            throw ProblemException.notFound("Agency " + agencyId + " of operation " + operationId);
        }
        return agency;
    }

    @Transactional
    public Agency add(String actor, long operationId, AgencyRequest request) {
        Operation operation = operations.lockForEdit(operationId);
        Agency agency = new Agency();
        agency.operationId = operationId;
        agency.createdAt = clock.instant();
        apply(agency, request);
        agency.persist();
        operations.recordEdit(operation, actor, "AGENCY_ADDED", ENTITY, agency.id, Map.of("name", agency.name));
        return agency;
    }

    @Transactional
    public Agency update(String actor, long operationId, long agencyId, AgencyRequest request) {
        Operation operation = operations.lockForEdit(operationId);
        Agency agency = get(operationId, agencyId);
        apply(agency, request);
        operations.recordEdit(operation, actor, "AGENCY_UPDATED", ENTITY, agency.id, Map.of("name", agency.name));
        return agency;
    }

    @Transactional
    public void remove(String actor, long operationId, long agencyId) {
        Operation operation = operations.lockForEdit(operationId);
        Agency agency = get(operationId, agencyId);
        agency.delete();
        operations.recordEdit(operation, actor, "AGENCY_REMOVED", ENTITY, agencyId, Map.of("name", agency.name));
    }

    @Transactional
    public Agency setEmblem(String actor, long operationId, long agencyId, String contentType, byte[] bytes) {
        String type = EmblemCheck.check(contentType, bytes);
        Operation operation = operations.lockForEdit(operationId);
        Agency agency = get(operationId, agencyId);
        agency.emblem = bytes;
        agency.emblemContentType = type;
        agency.emblemSha256 = DeterministicJson.sha256Hex(bytes);
        operations.recordEdit(
                operation,
                actor,
                "AGENCY_EMBLEM_SET",
                ENTITY,
                agency.id,
                Map.of("contentType", type, "sha256", agency.emblemSha256, "bytes", bytes.length));
        return agency;
    }

    @Override
    public String name() {
        return "agencies";
    }

    record AgencyPart(String name, String website, int displayOrder, String emblemSha256) {}

    @Override
    public List<AgencyPart> snapshot(long operationId) {
        return Agency.<Agency>list("operationId", ORDER, operationId).stream()
                .map(a -> new AgencyPart(a.name, a.website, a.displayOrder, a.emblemSha256))
                .toList();
    }

    private static void apply(Agency agency, AgencyRequest request) {
        agency.name = request.name();
        agency.website = request.website();
        agency.displayOrder = request.displayOrder();
    }
}
