package org.takedown.seizure;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.takedown.common.Problem;
import org.takedown.common.ProblemException;
import org.takedown.security.Roles;

/**
 * Banner visits of a seized domain over time, in minute, hour or day buckets (UTC). Counts reach the database in
 * batches, so the last few seconds may not be included yet.
 */
@Path("/api/operations/{id}/seized-domains/{domainId}/visits")
@Produces(MediaType.APPLICATION_JSON)
public class VisitResource {

    private static final Duration MAX_RANGE = Duration.ofDays(400);

    @Inject
    SeizedDomainService domains;

    @Inject
    VisitStatistics statistics;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public VisitStatistics.Series series(
            @PathParam("id") long id,
            @PathParam("domainId") long domainId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("step") String step) {
        domains.get(id, domainId);
        List<Problem.FieldError> errors = new ArrayList<>();
        Instant end = parse("to", to, clock.instant(), errors);
        Instant start = parse("from", from, end.minus(Duration.ofDays(1)), errors);
        ChronoUnit unit = switch (step == null ? "hour" : step.toLowerCase(Locale.ROOT)) {
            case "minute" -> ChronoUnit.MINUTES;
            case "hour" -> ChronoUnit.HOURS;
            case "day" -> ChronoUnit.DAYS;
            default -> {
                errors.add(new Problem.FieldError("step", "must be minute, hour or day"));
                yield ChronoUnit.HOURS;
            }
        };
        if (errors.isEmpty()
                && (!start.isBefore(end) || Duration.between(start, end).compareTo(MAX_RANGE) > 0)) {
            errors.add(new Problem.FieldError("from", "must be before 'to' and at most 400 days earlier"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Bad Request", "The request has invalid fields", errors);
        }
        return statistics.series(id, domainId, start, end, unit);
    }

    private static Instant parse(String field, String value, Instant fallback, List<Problem.FieldError> errors) {
        if (value == null) {
            return fallback;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, "must be a UTC instant such as 2026-11-24T09:00:00Z"));
            return fallback;
        }
    }
}
