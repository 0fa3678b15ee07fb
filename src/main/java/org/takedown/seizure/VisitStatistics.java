package org.takedown.seizure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Banner visits of a seized domain over time, in minute, hour or day buckets (UTC): for the API and the console. */
@ApplicationScoped
public class VisitStatistics {

    public record Point(Instant time, long hits) {}

    public record Series(String hostname, String step, Instant from, Instant to, long total, List<Point> points) {}

    @Inject
    SeizedDomainService domains;

    @Inject
    VisitStore store;

    public Series series(long operationId, long domainId, Instant from, Instant to, ChronoUnit unit) {
        SeizedDomain domain = domains.get(operationId, domainId);
        Map<Instant, Long> buckets = new TreeMap<>();
        long total = 0;
        try {
            for (VisitStore.Point point : store.minutes(domain.id, from, to)) {
                buckets.merge(point.time().truncatedTo(unit), point.hits(), Long::sum);
                total += point.hits();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the visits of " + domain.hostname + " failed", e);
        }
        List<Point> points = buckets.entrySet().stream()
                .map(e -> new Point(e.getKey(), e.getValue()))
                .toList();
        String label = unit == ChronoUnit.MINUTES ? "minute" : unit == ChronoUnit.HOURS ? "hour" : "day";
        return new Series(domain.hostname, label, from, to, total, points);
    }
}
