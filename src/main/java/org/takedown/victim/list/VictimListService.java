package org.takedown.victim.list;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.takedown.audit.AuditLog;
import org.takedown.common.DeterministicJson;
import org.takedown.common.Page;
import org.takedown.common.PageRequest;
import org.takedown.common.ProblemException;
import org.takedown.operation.OperationService;
import org.takedown.victim.VictimsConfig;
import org.takedown.victim.phone.PhoneCheck;
import org.takedown.victim.suppression.SuppressionList;

/** An operation's victim lists: made by an officer, filled by imports ({@link VictimImportService}). */
@ApplicationScoped
public class VictimListService {

    /** The actor of what the service does by itself. */
    static final String SYSTEM = "system:retention";

    @Inject
    OperationService operations;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    VictimsConfig config;

    @Inject
    EntityManager em;

    @Inject
    VictimOpener opener;

    @Inject
    SuppressionList suppressions;

    private static final int PAGE = 1_000;

    @Transactional
    public VictimList create(String actor, long operationId, VictimListRequest request) {
        if (operations.isOver(operationId)) {
            throw ProblemException.conflict("Operation " + operationId + " is over: it takes no new victim lists");
        }
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

    /** The list, if it belongs to this operation (a 404 otherwise, as for a list that does not exist). */
    public VictimList ofOperation(long operationId, long listId) {
        VictimList list = get(listId);
        if (list.operationId != operationId) {
            throw ProblemException.notFound("Victim list " + listId + " of operation " + operationId);
        }
        return list;
    }

    public VictimList get(long listId) {
        VictimList list = VictimList.findById(listId);
        if (list == null) {
            throw ProblemException.notFound("Victim list " + listId);
        }
        return list;
    }

    /** A 409 unless the list may still change: not purged, its operation not over. */
    void requireOpen(VictimList list) {
        if (list.purgedAt != null) {
            throw ProblemException.conflict(
                    "Victim list " + list.id + " was purged at the end of its retention period");
        }
        if (operations.isOver(list.operationId)) {
            throw ProblemException.conflict("Operation " + list.operationId + " is over: its lists take no more files");
        }
    }

    /** The list's row, locked: imports into one list take turns, so two files cannot both add the same number. */
    VictimList lock(long listId) {
        VictimList list = VictimList.findById(listId, LockModeType.PESSIMISTIC_WRITE);
        if (list == null) {
            throw ProblemException.notFound("Victim list " + listId);
        }
        return list;
    }

    /** What the list holds now, for a campaign's approval to cover. */
    public ListDigest digest(long listId) {
        VictimList list = get(listId);
        long withPhone = Victim.count("listId = ?1 and phone is not null", listId);
        StringBuilder files = new StringBuilder().append(list.id).append(':').append(list.purgedAt);
        for (VictimImport in :
                VictimImport.<VictimImport>list("listId = ?1 and status = ?2 order by id", listId, ImportStatus.DONE)) {
            files.append('\n')
                    .append(in.sha256)
                    .append(':')
                    .append(in.accepted)
                    .append(':')
                    .append(in.duplicates);
        }
        return new ListDigest(
                list.victims,
                withPhone,
                DeterministicJson.sha256Hex(files.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Every victim of the list with a phone number, opened for rendering their message, a page of {@value #PAGE} at a
     * time in id order (memory flat whatever the list's size).
     */
    public void forEachPhoneRecipient(long listId, Consumer<Recipient> each) {
        long after = 0;
        while (after >= 0) {
            after = phoneRecipients(listId, after, PAGE, each);
        }
    }

    /**
     * The list's victims with a phone number after victim {@code after}, at most {@code limit}, opened in id order.
     * Returns the last id handed out, or -1 when the list had no more.
     */
    public long phoneRecipients(long listId, long after, int limit, Consumer<Recipient> each) {
        List<Victim> page = Victim.<Victim>find(
                        "listId = ?1 and phone is not null and id > ?2 order by id", listId, after)
                .page(0, limit)
                .list();
        long last = after;
        for (Victim victim : page) {
            each.accept(recipient(victim));
            last = victim.id;
            em.detach(victim); // the caller's transaction may hold changes: nothing else is cleared
        }
        return page.size() < limit ? -1 : last;
    }

    /**
     * A victim as a message to their phone needs them, opened at the moment of sending; empty when the victim or
     * their number is gone (purged).
     */
    public Optional<PhoneContact> phoneContact(long victimId) {
        Victim victim = Victim.findById(victimId);
        if (victim == null || victim.phone == null) {
            return Optional.empty();
        }
        return Optional.of(new PhoneContact(opener.phone(victim), victim.phoneIndex, recipient(victim)));
    }

    private Recipient recipient(Victim victim) {
        Map<String, String> values = new HashMap<>(opener.fields(victim));
        String name = opener.name(victim);
        if (name != null) {
            values.put("name", name);
        }
        return new Recipient(victim.id, victim.language, values);
    }

    /** A page of the list's victims as every page shows them: masked, and whether the suppression list holds them. */
    public Page<VictimView> maskedVictims(long listId, PageRequest page) {
        return Page.ofAll(victims(listId), page, victims -> {
            Set<String> indexes = new HashSet<>();
            for (Victim victim : victims) {
                if (victim.phoneIndex != null) {
                    indexes.add(victim.phoneIndex);
                }
                if (victim.emailIndex != null) {
                    indexes.add(victim.emailIndex);
                }
            }
            Set<String> suppressed = suppressions.suppressedAmong(indexes);
            return victims.stream()
                    .map(victim -> VictimView.of(
                            victim, suppressed.contains(victim.phoneIndex) || suppressed.contains(victim.emailIndex)))
                    .toList();
        });
    }

    /** Victims' phone numbers masked, by victim id (those with none are left out). */
    public Map<Long, String> maskedPhones(Collection<Long> victimIds) {
        Map<Long, String> masked = new HashMap<>();
        if (victimIds.isEmpty()) {
            return masked;
        }
        em.createQuery("select v.id, v.phoneMasked from Victim v where v.id in :ids", Object[].class)
                .setParameter("ids", victimIds)
                .getResultList()
                .forEach(row -> {
                    if (row[1] != null) {
                        masked.put((Long) row[0], (String) row[1]);
                    }
                });
        return masked;
    }

    public PanacheQuery<Victim> victims(long listId) {
        get(listId);
        return Victim.find("listId = ?1 order by id", listId);
    }

    /**
     * Removes the personal data of every list whose operation has been over for longer than the retention period:
     * its victims and any file parts still held; the list, its import reports and the audit stay. Each list in its own
     * transaction, audited. Returns how many lists were purged.
     */
    public int purgeExpired() {
        Instant cutoff = clock.instant().minus(config.retention());
        List<Long> over = QuarkusTransaction.requiringNew().call(() -> operations.idsOverBefore(cutoff));
        if (over.isEmpty()) {
            return 0;
        }
        List<Long> due = QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery(
                                "select l.id from VictimList l where l.operationId in :ops and l.purgedAt is null"
                                        + " order by l.id",
                                Long.class)
                        .setParameter("ops", over)
                        .getResultList());
        for (long listId : due) {
            QuarkusTransaction.requiringNew().run(() -> purge(listId));
        }
        return due.size();
    }

    private void purge(long listId) {
        VictimList list = lock(listId);
        if (list.purgedAt != null) {
            return;
        }
        int victims = em.createQuery("delete from Victim v where v.listId = :list")
                .setParameter("list", listId)
                .executeUpdate();
        em.createQuery("delete from VictimImportPart p where p.importId in"
                        + " (select i.id from VictimImport i where i.listId = :list)")
                .setParameter("list", listId)
                .executeUpdate();
        // an import still uploading or reading stops: its next batch finds it FAILED and writes nothing
        em.createQuery("update VictimImport i set i.status = :failed, i.failure = :why"
                        + " where i.listId = :list and i.status in (:open)")
                .setParameter("failed", ImportStatus.FAILED)
                .setParameter("why", "the list was purged at the end of its retention period")
                .setParameter("list", listId)
                .setParameter("open", List.of(ImportStatus.UPLOADING, ImportStatus.READING))
                .executeUpdate();
        list.purgedAt = clock.instant();
        list.victims = 0;
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("victims", victims);
        summary.put("retentionDays", config.retention().toDays());
        audit.recordFor(list.operationId, SYSTEM, "victim-list.purge", "victim-list", listId, summary);
    }

    static List<String> regions(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
