package org.takedown.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.resteasy.reactive.RestForm;
import org.takedown.common.CsvCell;
import org.takedown.common.ProblemException;
import org.takedown.delivery.DeliveryStatus;
import org.takedown.notice.DeliveryResource;
import org.takedown.notice.DeliveryService;
import org.takedown.notice.NoticeRun;
import org.takedown.notice.ResolveRequest;
import org.takedown.operation.Operation;
import org.takedown.operation.OperationService;
import org.takedown.security.Roles;

/**
 * The delivery report of one notice run: every target's row with its state, the message's link on Telegram, errors,
 * and for a row whose fate is UNKNOWN the officer's "mark sent" (seen in the chat) or "resend" (not there). Refreshes
 * itself while rows are still to be sent; exports as CSV.
 */
@Path("/console/operations/{id: [0-9]+}/runs/{runId: [0-9]+}")
@Produces(MediaType.TEXT_HTML)
public class RunReportPage {

    private static final Set<DeliveryStatus> UNSETTLED =
            Set.of(DeliveryStatus.PENDING, DeliveryStatus.CLAIMED, DeliveryStatus.RETRY_AT);

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance runReport(
                Operation op,
                NoticeRun run,
                Map<DeliveryStatus, Long> counts,
                List<Row> rows,
                boolean settled,
                boolean mayResolve,
                FormErrors errors);

        static native TemplateInstance runReport$report(
                Operation op,
                NoticeRun run,
                Map<DeliveryStatus, Long> counts,
                List<Row> rows,
                boolean settled,
                boolean mayResolve,
                FormErrors errors);
    }

    /** A ledger row with the link to its message, if Telegram told us where it is. */
    public record Row(DeliveryResource.DeliveryView delivery, String link) {
        public boolean unknown() {
            return delivery.status() == DeliveryStatus.UNKNOWN;
        }

        public boolean resendable() {
            return delivery.status() == DeliveryStatus.UNKNOWN || delivery.status() == DeliveryStatus.FAILED_RETRYABLE;
        }
    }

    @Inject
    OperationService operations;

    @Inject
    DeliveryService deliveries;

    @Inject
    ConsoleForms forms;

    @Inject
    ConsoleUser user;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public TemplateInstance page(@PathParam("id") long id, @PathParam("runId") long runId) {
        Report report = report(id, runId);
        return Templates.runReport(
                report.op, report.run, report.counts, report.rows, report.settled, mayResolve(), FormErrors.NONE);
    }

    /** The report alone, for the page's refresh while rows are still to be sent. */
    @GET
    @Path("report")
    @RolesAllowed(Roles.VIEWER)
    public TemplateInstance refresh(@PathParam("id") long id, @PathParam("runId") long runId) {
        return fragment(id, runId, FormErrors.NONE);
    }

    @POST
    @Path("deliveries/{deliveryId}/mark-sent")
    @RolesAllowed(Roles.OFFICER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response markSent(
            @PathParam("id") long id,
            @PathParam("runId") long runId,
            @PathParam("deliveryId") long deliveryId,
            @RestForm String note,
            @RestForm String messageId) {
        ofRun(id, runId, deliveryId);
        FormInput input = new FormInput();
        Integer message = input.number("messageId", messageId);
        ResolveRequest request = new ResolveRequest(FormInput.text(note), message == null ? null : message.longValue());
        FormErrors errors = forms.submit(
                        input, request, () -> deliveries.markSent(user.name(), id, deliveryId, request))
                .errors();
        return FormAnswer.of(fragment(id, runId, errors), errors, false);
    }

    @POST
    @Path("deliveries/{deliveryId}/resend")
    @RolesAllowed(Roles.OFFICER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resend(
            @PathParam("id") long id,
            @PathParam("runId") long runId,
            @PathParam("deliveryId") long deliveryId,
            @RestForm String note) {
        ofRun(id, runId, deliveryId);
        ResolveRequest request = new ResolveRequest(FormInput.text(note), null);
        FormErrors errors = forms.submit(request, () -> deliveries.resend(user.name(), id, deliveryId, request))
                .errors();
        return FormAnswer.of(fragment(id, runId, errors), errors, false);
    }

    /** Every row as CSV (spreadsheet-safe: a cell that a spreadsheet would run as a formula is quoted as text). */
    @GET
    @Path("deliveries.csv")
    @RolesAllowed(Roles.VIEWER)
    @Produces("text/csv")
    public Response csv(@PathParam("id") long id, @PathParam("runId") long runId) {
        NoticeRun run = deliveries.run(id, runId);
        List<DeliveryResource.DeliveryView> rows = DeliveryResource.DeliveryView.of(
                deliveries.deliveries(id, runId, null).list(), deliveries);
        StreamingOutput body = out -> {
            Writer csv = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            csv.write(
                    "delivery,chat,part,parts,language,status,attempts,message_id,message_link,sent_at,detail,resolved_by,updated_at\r\n");
            for (DeliveryResource.DeliveryView row : rows) {
                csv.write(String.join(
                        ",",
                        List.of(
                                Long.toString(row.id()),
                                CsvCell.of(row.chat()),
                                Integer.toString(row.part() + 1),
                                Integer.toString(row.parts()),
                                CsvCell.of(row.language()),
                                row.status().name(),
                                Integer.toString(row.attempts()),
                                row.messageId() == null ? "" : row.messageId().toString(),
                                CsvCell.of(TelegramLinks.message(row.chat(), row.messageId())),
                                row.sentAt() == null ? "" : row.sentAt().toString(),
                                CsvCell.of(row.detail()),
                                CsvCell.of(row.resolvedBy()),
                                row.updatedAt() == null ? "" : row.updatedAt().toString())));
                csv.write("\r\n");
            }
            csv.flush();
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"run-" + run.id + "-deliveries.csv\"")
                .build();
    }

    /** The delivery must be a row of this run of this operation (the report re-rendered is the run's). */
    private void ofRun(long id, long runId, long deliveryId) {
        if (deliveries.runOf(id, deliveryId) != runId) {
            throw ProblemException.notFound("Delivery " + deliveryId + " of run " + runId);
        }
    }

    private TemplateInstance fragment(long id, long runId, FormErrors errors) {
        Report report = report(id, runId);
        return Templates.runReport$report(
                report.op, report.run, report.counts, report.rows, report.settled, mayResolve(), errors);
    }

    private record Report(
            Operation op, NoticeRun run, Map<DeliveryStatus, Long> counts, List<Row> rows, boolean settled) {}

    private Report report(long id, long runId) {
        Operation op = operations.get(id);
        NoticeRun run = deliveries.run(id, runId);
        Map<DeliveryStatus, Long> counts = deliveries.counts(runId);
        List<Row> rows =
                DeliveryResource.DeliveryView.of(
                                deliveries.deliveries(id, runId, null).list(), deliveries)
                        .stream()
                        .map(d -> new Row(d, TelegramLinks.message(d.chat(), d.messageId())))
                        .toList();
        boolean settled = counts.keySet().stream().noneMatch(UNSETTLED::contains);
        return new Report(op, run, counts, rows, settled);
    }

    private boolean mayResolve() {
        return user.officer();
    }
}
