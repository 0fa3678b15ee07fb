package org.takedown.victim.suppression;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.exception.ConstraintViolationException;
import org.takedown.audit.AuditLog;
import org.takedown.common.ProblemException;
import org.takedown.victim.phone.PhoneCheck;
import org.takedown.victim.phone.PhoneVerdict;
import org.takedown.victim.protect.BlindIndex;
import org.takedown.victim.protect.Masks;
import org.takedown.victim.protect.Purpose;

/**
 * The force-wide list of numbers and addresses never to contact. Entries are matched by the same blind index as
 * victims, so a number suppressed in any spelling matches a victim imported in any other. Adding and removing are
 * audited; the value itself is never kept, only its index and its masked form.
 */
@ApplicationScoped
public class SuppressionList {

    @Inject
    PhoneCheck phones;

    @Inject
    BlindIndex index;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Transactional
    public Suppression add(String actor, SuppressionRequest request) {
        boolean phone = request.phone() != null && !request.phone().isBlank();
        boolean email = request.email() != null && !request.email().isBlank();
        if (phone == email) {
            throw ProblemException.invalidField(422, "phone", "give a phone number or an email address, not both");
        }
        Suppression suppression = new Suppression();
        if (phone) {
            String region = request.region() == null ? "GB" : request.region();
            // any number a message could reach is refused, so the check is for a well-formed number, not a mobile
            PhoneVerdict verdict = phones.check(request.phone(), region, PhoneCheck.ANY_REGION);
            if (!verdict.isAccepted()) {
                throw ProblemException.invalidField(422, "phone", "not a phone number a message could reach");
            }
            suppression.kind = Suppression.Kind.PHONE;
            suppression.contactIndex = index.of(Purpose.PHONE, verdict.e164());
            suppression.masked = verdict.masked();
        } else {
            String address = request.email().strip();
            if (!address.matches("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+")) {
                throw ProblemException.invalidField(422, "email", "not an email address");
            }
            suppression.kind = Suppression.Kind.EMAIL;
            suppression.contactIndex = index.of(Purpose.EMAIL, address.toLowerCase(Locale.ROOT));
            suppression.masked = Masks.email(address);
        }
        if (Suppression.count("contactIndex", suppression.contactIndex) > 0) {
            throw ProblemException.conflict(suppression.masked + " is already suppressed");
        }
        suppression.reason = request.reason();
        suppression.note = request.note() == null || request.note().isBlank()
                ? null
                : request.note().strip();
        suppression.addedBy = actor;
        suppression.addedAt = clock.instant();
        try {
            suppression.persist();
        } catch (ConstraintViolationException e) {
            // the same number added at the same moment by another request (a STOP and an officer, say)
            throw ProblemException.conflict(suppression.masked + " is already suppressed");
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("kind", suppression.kind);
        summary.put("masked", suppression.masked);
        summary.put("reason", suppression.reason);
        audit.record(actor, "suppression.add", "suppression", suppression.id, summary);
        return suppression;
    }

    /**
     * A phone answered STOP: its number ({@code from}, as the provider wrote it) is suppressed, once, audited under
     * {@code actor}. Empty when it is not a number a message could reach, or was suppressed already.
     */
    @Transactional
    public Optional<Suppression> addReply(String actor, String from) {
        String number = from.strip();
        PhoneVerdict verdict =
                phones.check(number.startsWith("+") ? number : "+" + number, "GB", PhoneCheck.ANY_REGION);
        if (!verdict.isAccepted()) {
            return Optional.empty();
        }
        String contactIndex = index.of(Purpose.PHONE, verdict.e164());
        if (Suppression.count("contactIndex", contactIndex) > 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(add(
                    actor,
                    new SuppressionRequest(verdict.e164(), null, "GB", Suppression.Reason.STOP, "replied STOP")));
        } catch (ProblemException e) {
            return Optional.empty(); // suppressed by another request at the same moment
        }
    }

    @Transactional
    public void remove(String actor, long id, String justification) {
        Suppression suppression = Suppression.findById(id);
        if (suppression == null) {
            throw ProblemException.notFound("Suppression " + id);
        }
        suppression.delete();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("kind", suppression.kind);
        summary.put("masked", suppression.masked);
        summary.put("justification", justification.strip());
        audit.record(actor, "suppression.remove", "suppression", id, summary);
    }

    public PanacheQuery<Suppression> all() {
        return Suppression.find("order by id desc");
    }

    /** Those of these blind indexes (phone or email) that are suppressed. */
    public Set<String> suppressedAmong(Collection<String> indexes) {
        if (indexes.isEmpty()) {
            return new HashSet<>();
        }
        return new HashSet<>(Suppression.getEntityManager()
                .createQuery("select s.contactIndex from Suppression s where s.contactIndex in :indexes", String.class)
                .setParameter("indexes", indexes)
                .getResultList());
    }
}
