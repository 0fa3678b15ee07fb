package org.takedown.notice;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Map;
import org.takedown.common.Page;
import org.takedown.common.PageRequest;
import org.takedown.delivery.DeliveryStatus;
import org.takedown.security.Roles;

/** A notice's runs: one per firing or officer request, with how many of its ledger rows are in each state. */
@Path("/api/operations/{id}/runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {

    @Inject
    DeliveryService deliveries;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Page<RunView> runs(
            @PathParam("id") long id,
            @QueryParam("noticeId") @Pattern(regexp = LedgerFilter.ID, message = LedgerFilter.ID_MESSAGE)
                    String noticeId,
            @Valid @BeanParam PageRequest page) {
        return Page.of(
                deliveries.runs(id, LedgerFilter.idOf(noticeId)), page, r -> RunView.of(r, deliveries.counts(r.id)));
    }

    @GET
    @Path("/{runId}")
    @RolesAllowed(Roles.VIEWER)
    public RunView run(@PathParam("id") long id, @PathParam("runId") long runId) {
        NoticeRun run = deliveries.run(id, runId);
        return RunView.of(run, deliveries.counts(run.id));
    }

    public record RunView(
            long id,
            long operationId,
            long noticeId,
            String noticeTitle,
            Instant dueAt,
            Instant firedAt,
            NoticeRun.Origin origin,
            RunStatus status,
            String detail,
            Instant sendUntil,
            String createdBy,
            Map<DeliveryStatus, Long> deliveries) {

        static RunView of(NoticeRun run, Map<DeliveryStatus, Long> counts) {
            return new RunView(
                    run.id,
                    run.operationId,
                    run.noticeId,
                    run.noticeTitle,
                    run.dueAt,
                    run.firedAt,
                    run.origin,
                    run.status,
                    run.detail,
                    run.sendUntil,
                    run.createdBy,
                    counts);
        }
    }
}
