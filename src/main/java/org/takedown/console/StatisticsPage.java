package org.takedown.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.takedown.notice.DeliveryResource;
import org.takedown.notice.DeliveryService;
import org.takedown.operation.Operation;
import org.takedown.operation.OperationService;
import org.takedown.security.Roles;
import org.takedown.seizure.SeizedDomain;
import org.takedown.seizure.SeizedDomainService;
import org.takedown.seizure.VisitStatistics;
import org.takedown.watch.WatchTargetService;

/**
 * Statistics of one operation over the last hours: banner visits per seized domain, our messages sent per hour, and
 * the reach of those messages (the views Telegram shows for them, where a watched channel's preview lets us read
 * them). Each chart has its figures in a table too, for those who cannot see the chart.
 */
@Path("/console/statistics")
@Produces(MediaType.TEXT_HTML)
public class StatisticsPage {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_HOURS = 24 * 31;
    /** The reach table shows the latest messages only: each needs a look-up of its views. */
    private static final int REACH_ROWS = 200;

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance statistics(
                List<Operation> operations,
                Operation op,
                int hours,
                List<Series> visits,
                String visitsChart,
                Map<Instant, Long> sent,
                String sentChart,
                List<Reach> reach);
    }

    /** Hits per hour of one seized domain. */
    public record Series(String host, long total, Map<Instant, Long> perHour) {}

    /** One of our messages and how many saw it, when the reader could tell. */
    public record Reach(String chat, long messageId, Instant sentAt, Long views) {}

    @Inject
    OperationService operations;

    @Inject
    SeizedDomainService domains;

    @Inject
    VisitStatistics visits;

    @Inject
    DeliveryService deliveries;

    @Inject
    WatchTargetService watch;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public TemplateInstance page(@QueryParam("operationId") Long operationId, @QueryParam("hours") Integer hours) {
        List<Operation> all =
                new ArrayList<>(operations.search(null, null).page(0, 100).list());
        int span = hours == null ? 24 : Math.max(1, Math.min(MAX_HOURS, hours));
        Operation op = operationId != null ? operations.get(operationId) : all.isEmpty() ? null : all.get(0);
        if (op != null && all.stream().noneMatch(o -> o.id.equals(op.id))) {
            all.add(0, op); // an older operation asked for by id stays the one selected
        }
        if (op == null) {
            return Templates.statistics(all, null, span, List.of(), "{}", Map.of(), "{}", List.of());
        }
        Instant to = clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        Instant from = to.minus(Duration.ofHours(span));
        List<Series> series = new ArrayList<>();
        for (SeizedDomain domain : domains.ofOperation(op.id)) {
            VisitStatistics.Series s = visits.series(op.id, domain.id, from, to, ChronoUnit.HOURS);
            Map<Instant, Long> perHour = new LinkedHashMap<>();
            s.points().forEach(p -> perHour.put(p.time(), p.hits()));
            series.add(new Series(domain.hostname, s.total(), perHour));
        }
        Map<Instant, Long> sent = deliveries.sentPerHour(op.id, from, to);
        List<Reach> reach = new ArrayList<>();
        for (DeliveryResource.DeliveryView row :
                DeliveryResource.DeliveryView.of(deliveries.sent(op.id, from, to, REACH_ROWS), deliveries)) {
            if (row.messageId() != null && row.chat().startsWith("@")) {
                reach.add(new Reach(
                        row.chat(),
                        row.messageId(),
                        row.sentAt(),
                        watch.viewsOf(op.id, row.chat().substring(1), row.messageId())
                                .orElse(null)));
            }
        }
        List<String> hoursAxis = new ArrayList<>();
        for (Instant at = from; at.isBefore(to); at = at.plus(Duration.ofHours(1))) {
            hoursAxis.add(at.toString());
        }
        return Templates.statistics(
                all,
                op,
                span,
                series,
                chart(
                        "line",
                        hoursAxis,
                        series.stream()
                                .map(s -> dataset(s.host(), hoursAxis, s.perHour()))
                                .toList()),
                sent,
                chart("bar", hoursAxis, List.of(dataset("Messages sent", hoursAxis, sent))),
                reach);
    }

    private static Map<String, Object> dataset(String label, List<String> axis, Map<Instant, Long> values) {
        List<Long> data = axis.stream()
                .map(hour -> values.getOrDefault(Instant.parse(hour), 0L))
                .toList();
        return Map.of("label", label, "data", data);
    }

    /** The chart for console/static/charts.js: type, hour labels and datasets (JSON in a data attribute, escaped there). */
    private static String chart(String type, List<String> hours, List<Map<String, Object>> datasets) {
        try {
            return JSON.writeValueAsString(Map.of("type", type, "labels", hours, "datasets", datasets));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
