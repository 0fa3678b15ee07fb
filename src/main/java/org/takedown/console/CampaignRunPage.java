package org.takedown.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestForm;
import org.takedown.delivery.Delivery;
import org.takedown.delivery.DeliveryResolution;
import org.takedown.notice.ResolveRequest;
import org.takedown.operation.Operation;
import org.takedown.operation.OperationService;
import org.takedown.security.Roles;
import org.takedown.victim.campaign.CampaignService;
import org.takedown.victim.campaign.CampaignView;
import org.takedown.victim.run.CampaignRunReport;
import org.takedown.victim.run.CampaignRunReports;

/**
 * The delivery report of a campaign run: messages by state, per minute (accepted, delivered, failed; a chart with its
 * figures in the counts beside it), failures by reason, the latest receipts, and the UNKNOWN rows an officer resolves
 * after checking with the provider ("mark sent" if it has the message, "resend" if not), each with a note the audit
 * log keeps. Refreshes itself until every row has its outcome.
 */
@Path("/console/operations/{id: [0-9]+}/campaign-runs/{runId: [0-9]+}")
@Produces(MediaType.TEXT_HTML)
public class CampaignRunPage {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The most minutes a chart shows (the last ones): a day and a half, the iSpoof campaign's window. */
    static final int MINUTES_SHOWN = 36 * 60;

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance campaignRun(
                Operation op, CampaignView campaign, CampaignRunReport report, String chart, FormErrors errors);

        static native TemplateInstance campaignRun$report(
                Operation op, CampaignView campaign, CampaignRunReport report, String chart, FormErrors errors);
    }

    @Inject
    OperationService operations;

    @Inject
    CampaignService campaigns;

    @Inject
    CampaignRunReports reports;

    @Inject
    DeliveryResolution resolution;

    @Inject
    ConsoleForms forms;

    @Inject
    ConsoleUser user;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public TemplateInstance page(@PathParam("id") long id, @PathParam("runId") long runId) {
        CampaignRunReport report = reports.report(id, runId);
        return Templates.campaignRun(operations.get(id), campaign(id, report), report, chart(report), FormErrors.NONE);
    }

    /** The report alone, for the page's refresh. */
    @GET
    @Path("report")
    @RolesAllowed(Roles.VIEWER)
    public TemplateInstance refresh(@PathParam("id") long id, @PathParam("runId") long runId) {
        return fragment(id, runId, FormErrors.NONE);
    }

    @POST
    @Path("deliveries/{deliveryId: [0-9]+}/mark-sent")
    @RolesAllowed(Roles.OFFICER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response markSent(
            @PathParam("id") long id,
            @PathParam("runId") long runId,
            @PathParam("deliveryId") long deliveryId,
            @RestForm String note) {
        reports.requireRow(id, runId, deliveryId);
        ResolveRequest request = new ResolveRequest(FormInput.text(note), null);
        return resolved(
                id, runId, request, () -> resolution.markSent(user.name(), id, deliveryId, request.note(), null));
    }

    @POST
    @Path("deliveries/{deliveryId: [0-9]+}/resend")
    @RolesAllowed(Roles.OFFICER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resend(
            @PathParam("id") long id,
            @PathParam("runId") long runId,
            @PathParam("deliveryId") long deliveryId,
            @RestForm String note) {
        reports.requireRow(id, runId, deliveryId);
        ResolveRequest request = new ResolveRequest(FormInput.text(note), null);
        return resolved(id, runId, request, () -> resolution.resend(user.name(), id, deliveryId, request.note()));
    }

    private Response resolved(long id, long runId, ResolveRequest request, Supplier<Delivery> action) {
        FormErrors errors = forms.submit(request, action).errors();
        return FormAnswer.of(fragment(id, runId, errors), errors, (String) null);
    }

    private TemplateInstance fragment(long id, long runId, FormErrors errors) {
        CampaignRunReport report = reports.report(id, runId);
        return Templates.campaignRun$report(operations.get(id), campaign(id, report), report, chart(report), errors);
    }

    private CampaignView campaign(long id, CampaignRunReport report) {
        return CampaignView.of(campaigns.get(id, report.campaignId()), campaigns.zone(id));
    }

    /** The per-minute series for console/static/charts.js (JSON in a data attribute, escaped there). */
    static String chart(CampaignRunReport report) {
        TreeSet<Instant> minutes = new TreeSet<>();
        report.perMinute().values().forEach(series -> minutes.addAll(series.keySet()));
        List<String> axis = new ArrayList<>();
        if (!minutes.isEmpty()) {
            Instant from = minutes.last().minus(Duration.ofMinutes(MINUTES_SHOWN - 1));
            for (Instant at = minutes.first().isBefore(from) ? from : minutes.first();
                    !at.isAfter(minutes.last());
                    at = at.plus(Duration.ofMinutes(1))) {
                axis.add(at.toString());
            }
        }
        List<Map<String, Object>> datasets = new ArrayList<>();
        report.perMinute()
                .forEach((label, series) -> datasets.add(Map.of(
                        "label",
                        label,
                        "data",
                        axis.stream()
                                .map(minute -> series.getOrDefault(Instant.parse(minute), 0L))
                                .toList())));
        try {
            return JSON.writeValueAsString(
                    Map.of("type", "line", "unit", "minute", "labels", axis, "datasets", datasets));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
