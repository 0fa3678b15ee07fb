package org.takedown.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.takedown.delivery.DeliveryStatus;
import org.takedown.notice.DeliveryService;
import org.takedown.notice.NoticeRun;
import org.takedown.operation.Operation;
import org.takedown.operation.OperationService;
import org.takedown.security.Roles;

/** The latest notice runs of an operation, each with its deliveries by state and a link to its report. */
@Path("/console/operations/{id: [0-9]+}/runs")
@Produces(MediaType.TEXT_HTML)
public class RunsSection {

    private static final int SHOWN = 20;

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance runs(Operation op, List<RunLine> runs);
    }

    public record RunLine(NoticeRun run, Map<DeliveryStatus, Long> counts) {}

    @Inject
    OperationService operations;

    @Inject
    DeliveryService deliveries;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public TemplateInstance show(@PathParam("id") long id) {
        List<RunLine> runs = deliveries.runs(id, null).page(0, SHOWN).list().stream()
                .map(run -> new RunLine(run, deliveries.counts(run.id)))
                .toList();
        return Templates.runs(operations.get(id), runs);
    }
}
