package org.takedown.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.takedown.common.Page;
import org.takedown.common.PageRequest;
import org.takedown.common.Problem;
import org.takedown.common.ProblemException;
import org.takedown.security.Roles;

@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
public class AuditResource {

    @Inject
    AuditLog audit;

    @GET
    public Page<AuditEntryView> list(
            @Valid @BeanParam PageRequest page,
            @QueryParam("actor") @Size(max = 100) String actor,
            @QueryParam("action") @Size(max = 64) String action,
            @QueryParam("entityType") @Size(max = 64) String entityType,
            @QueryParam("entityId") @Size(max = 64) String entityId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("operationId") @Min(1) Long operationId) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Instant fromInstant = parseInstant("from", from, errors);
        Instant toInstant = parseInstant("to", to, errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Bad Request", "The request has invalid fields", errors);
        }
        var filter = new AuditLog.AuditFilter(actor, action, entityType, entityId, fromInstant, toInstant, operationId);
        return Page.of(audit.search(filter), page, AuditEntryView::of);
    }

    private static Instant parseInstant(String field, String value, List<Problem.FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, "must be a UTC instant such as 2026-11-24T09:00:00Z"));
            return null;
        }
    }

    @GET
    @Path("/verify")
    public ChainVerification verify() {
        return audit.verify();
    }

    public record AuditEntryView(
            long seq,
            Instant recordedAt,
            Long operationId,
            String actor,
            String action,
            String entityType,
            String entityId,
            String summary,
            String prevHash,
            String hash) {

        static AuditEntryView of(AuditEntry e) {
            return new AuditEntryView(
                    e.seq,
                    e.recordedAt,
                    e.operationId,
                    e.actor,
                    e.action,
                    e.entityType,
                    e.entityId,
                    e.summary,
                    e.prevHash,
                    e.hash);
        }
    }
}
