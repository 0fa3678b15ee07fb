package org.takedown.victim.list;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.takedown.audit.AuditLog;
import org.takedown.common.ProblemException;
import org.takedown.operation.OperationService;
import org.takedown.victim.phone.PhoneCheck;

/** An operation's victim lists: made by an officer, filled by imports ({@link VictimImportService}). */
@ApplicationScoped
public class VictimListService {

    @Inject
    OperationService operations;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Transactional
    public VictimList create(String actor, long operationId, VictimListRequest request) {
        operations.get(operationId);
        String region = request.region() == null ? "GB" : request.region();
        if (!PhoneCheck.isKnownRegion(region)) {
            throw ProblemException.invalidField(422, "region", "no phone numbering plan is known for " + region);
        }
        TreeSet<String> others = new TreeSet<>(request.otherRegions() == null ? List.of() : request.otherRegions());
        others.remove(region);
        for (String other : others) {
            if (!PhoneCheck.isKnownRegion(other)) {
                throw ProblemException.invalidField(
                        422, "otherRegions", "no phone numbering plan is known for " + other);
            }
        }
        VictimList list = new VictimList();
        list.operationId = operationId;
        list.name = request.name().strip();
        list.phoneRegion = region;
        list.otherRegions = String.join(",", others);
        list.createdBy = actor;
        list.createdAt = clock.instant();
        list.persist();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("name", list.name);
        summary.put("region", region);
        summary.put("otherRegions", List.copyOf(others));
        audit.recordFor(operationId, actor, "victim-list.create", "victim-list", list.id, summary);
        return list;
    }

    public List<VictimList> ofOperation(long operationId) {
        operations.get(operationId);
        return VictimList.list("operationId = ?1 order by id", operationId);
    }

    public VictimList get(long listId) {
        VictimList list = VictimList.findById(listId);
        if (list == null) {
            throw ProblemException.notFound("Victim list " + listId);
        }
        return list;
    }

    /** The list's row, locked: imports into one list take turns, so two files cannot both add the same number. */
    VictimList lock(long listId) {
        VictimList list = VictimList.findById(listId, LockModeType.PESSIMISTIC_WRITE);
        if (list == null) {
            throw ProblemException.notFound("Victim list " + listId);
        }
        return list;
    }

    public PanacheQuery<Victim> victims(long listId) {
        get(listId);
        return Victim.find("listId = ?1 order by id", listId);
    }

    static List<String> regions(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
