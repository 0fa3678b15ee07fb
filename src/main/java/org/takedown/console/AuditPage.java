package org.takedown.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.takedown.audit.AuditEntry;
import org.takedown.audit.AuditLog;
import org.takedown.audit.ChainVerification;
import org.takedown.common.TextClip;
import org.takedown.security.Roles;

/**
 * The audit log: every recorded action, newest first, filtered by officer, action, entity, operation and day; and
 * whether the hash chain still verifies (recomputed on request, loaded after the page so a long log does not hold it).
 */
@Path("/console/audit")
@Produces(MediaType.TEXT_HTML)
public class AuditPage {

    private static final int PAGE_SIZE = 50;

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance audit(
                List<AuditEntry> entries, Filter filter, int page, boolean more, FormErrors errors);

        static native TemplateInstance auditChain(ChainVerification chain);
    }

    /** The filter as typed (text, so a bad date can be shown back). */
    public record Filter(
            String actor,
            String action,
            String entityType,
            String entityId,
            String operationId,
            String from,
            String to) {
        public String query() {
            StringBuilder query = new StringBuilder();
            append(query, "actor", actor);
            append(query, "action", action);
            append(query, "entityType", entityType);
            append(query, "entityId", entityId);
            append(query, "operationId", operationId);
            append(query, "from", from);
            append(query, "to", to);
            return query.toString();
        }

        private static void append(StringBuilder query, String name, String value) {
            if (value != null && !value.isBlank()) {
                query.append('&').append(name).append('=').append(ConsoleText.urlEncoded(value.strip()));
            }
        }
    }

    @Inject
    AuditLog audit;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public TemplateInstance list(
            @QueryParam("actor") String actor,
            @QueryParam("action") String action,
            @QueryParam("entityType") String entityType,
            @QueryParam("entityId") String entityId,
            @QueryParam("operationId") String operationId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") int page) {
        Filter typed = new Filter(actor, action, entityType, entityId, operationId, from, to);
        FormInput input = new FormInput();
        LocalDate fromDay = input.date("from", from);
        LocalDate toDay = input.date("to", to);
        Integer operation = input.number("operationId", operationId);
        FormErrors errors =
                FormErrors.of(input.errors(), input.errors().isEmpty() ? null : "The filter has fields to correct.");
        var filter = new AuditLog.AuditFilter(
                limited(actor, 100),
                limited(action, 64),
                limited(entityType, 64),
                limited(entityId, 64),
                fromDay == null ? null : fromDay.atStartOfDay(ZoneOffset.UTC).toInstant(),
                toDay == null
                        ? null
                        : toDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                operation == null ? null : operation.longValue());
        int current = Math.max(0, page);
        List<AuditEntry> entries = audit.search(filter)
                .range(current * PAGE_SIZE, current * PAGE_SIZE + PAGE_SIZE)
                .list();
        boolean more = entries.size() > PAGE_SIZE;
        return Templates.audit(more ? entries.subList(0, PAGE_SIZE) : entries, typed, current, more, errors);
    }

    @GET
    @Path("chain")
    @RolesAllowed(Roles.VIEWER)
    public TemplateInstance chain() {
        return Templates.auditChain(audit.verify());
    }

    private static String limited(String value, int max) {
        String text = FormInput.text(value);
        return TextClip.clip(text, max);
    }
}
