package org.takedown.victim.list;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.takedown.audit.AuditLog;
import org.takedown.common.CsvCell;
import org.takedown.common.ProblemException;
import org.takedown.victim.VictimsConfig;

/**
 * Showing victims' personal data in the clear: one victim (reveal) or a whole list (export), each only for a role the
 * configuration allows, each with a written justification, each recorded in the audit chain before anything is shown
 * — the log of consultation and disclosure that section 62 of the Data Protection Act 2018 asks of police processing.
 */
@ApplicationScoped
public class VictimDisclosure {

    static final int EXPORT_PAGE = 1000;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    VictimListService lists;

    @Inject
    VictimOpener opener;

    @Inject
    AuditLog audit;

    @Inject
    VictimsConfig config;

    @Inject
    EntityManager em;

    @Transactional
    public RevealedVictim reveal(SecurityIdentity identity, long listId, long victimId, String justification) {
        allowed(identity);
        VictimList list = lists.get(listId);
        Victim victim = Victim.findById(victimId);
        if (victim == null || victim.listId != listId) {
            throw ProblemException.notFound("Victim " + victimId + " of victim list " + listId);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("list", listId);
        summary.put("justification", justification.strip());
        summary.put("shown", List.of("phone", "email", "name", "language", "fields"));
        audit.recordFor(
                list.operationId, identity.getPrincipal().getName(), "victim.reveal", "victim", victimId, summary);
        return clear(victim);
    }

    /** Audits the export (who, why, how many) and returns how many victims it will write. */
    @Transactional
    public long startExport(SecurityIdentity identity, long listId, String justification) {
        allowed(identity);
        VictimList list = lists.get(listId);
        if (list.purgedAt != null) {
            throw ProblemException.conflict("Victim list " + listId + " was purged at the end of its retention period");
        }
        long count = em.createQuery("select count(v) from Victim v where v.listId = :list", Long.class)
                .setParameter("list", listId)
                .getSingleResult();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("justification", justification.strip());
        summary.put("victims", count);
        audit.recordFor(
                list.operationId,
                identity.getPrincipal().getName(),
                "victim-list.export",
                "victim-list",
                listId,
                summary);
        return count;
    }

    /**
     * The list as CSV, one page of victims opened at a time (memory flat whatever its size); every cell inert for
     * spreadsheets. Personalisation values are one JSON column, as lists imported from several files differ in them.
     */
    public void export(long listId, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write("id,phone,email,name,language,fields\r\n");
        long after = 0;
        while (true) {
            long from = after;
            List<RevealedVictim> page = QuarkusTransaction.requiringNew()
                    .call(() -> em
                            .createQuery(
                                    "from Victim v where v.listId = :list and v.id > :after order by v.id",
                                    Victim.class)
                            .setParameter("list", listId)
                            .setParameter("after", from)
                            .setMaxResults(EXPORT_PAGE)
                            .getResultList()
                            .stream()
                            .map(this::clear)
                            .toList());
            for (RevealedVictim victim : page) {
                writer.write(victim.id() + "," + CsvCell.of(victim.phone()) + "," + CsvCell.of(victim.email()) + ","
                        + CsvCell.of(victim.name()) + "," + CsvCell.of(victim.language()) + ","
                        + CsvCell.of(victim.fields().isEmpty() ? null : JSON.writeValueAsString(victim.fields()))
                        + "\r\n");
                after = victim.id();
            }
            if (page.size() < EXPORT_PAGE) {
                break;
            }
        }
        writer.flush();
    }

    /** Whether this officer's roles allow revealing and exporting (each time with a justification). */
    public boolean mayReveal(SecurityIdentity identity) {
        return config.revealRoles().stream().anyMatch(identity::hasRole);
    }

    private void allowed(SecurityIdentity identity) {
        if (!mayReveal(identity)) {
            throw ProblemException.forbidden(
                    "Revealing victims' personal data needs one of the roles " + config.revealRoles());
        }
    }

    private RevealedVictim clear(Victim victim) {
        return opener.open(victim);
    }
}
