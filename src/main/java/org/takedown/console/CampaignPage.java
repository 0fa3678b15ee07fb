package org.takedown.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.takedown.operation.Operation;
import org.takedown.operation.OperationService;
import org.takedown.security.Roles;
import org.takedown.victim.campaign.CampaignReport;
import org.takedown.victim.campaign.CampaignService;
import org.takedown.victim.campaign.CampaignView;
import org.takedown.victim.list.VictimListService;
import org.takedown.victim.list.VictimListView;
import org.takedown.victim.run.CampaignRun;
import org.takedown.victim.run.CampaignRunService;
import org.takedown.victim.run.CampaignRunView;

/**
 * One SMS campaign: what it sends, to whom, when and through which provider; its lint report (every recipient's text:
 * worst case, cost, the plan against the deadline, errors and warnings), loaded after the page as it reads the whole
 * list; and its run — start, pause, resume, and the messages by state, refreshing while it sends.
 */
@Path("/console/operations/{id: [0-9]+}/campaigns/{campaignId: [0-9]+}")
@Produces(MediaType.TEXT_HTML)
public class CampaignPage {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance campaign(
                Operation op, CampaignView campaign, VictimListView list, CampaignRunView run, FormErrors errors);

        static native TemplateInstance campaign$run(
                Operation op, CampaignView campaign, VictimListView list, CampaignRunView run, FormErrors errors);

        static native TemplateInstance campaignReport(Operation op, CampaignView campaign, CampaignReport report);
    }

    @Inject
    OperationService operations;

    @Inject
    CampaignService campaigns;

    @Inject
    CampaignRunService runs;

    @Inject
    VictimListService lists;

    @Inject
    CampaignEditor editor;

    @Inject
    ConsoleForms forms;

    @Inject
    ConsoleUser user;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public TemplateInstance show(@PathParam("id") long id, @PathParam("campaignId") long campaignId) {
        CampaignView campaign = view(id, campaignId);
        return Templates.campaign(
                operations.get(id),
                campaign,
                VictimListView.of(lists.get(campaign.listId())),
                runs.view(id, campaignId).orElse(null),
                FormErrors.NONE);
    }

    @GET
    @Path("report")
    @RolesAllowed(Roles.VIEWER)
    public TemplateInstance report(@PathParam("id") long id, @PathParam("campaignId") long campaignId) {
        return Templates.campaignReport(operations.get(id), view(id, campaignId), campaigns.report(id, campaignId));
    }

    /** The run alone, for the page's refresh while it sends. */
    @GET
    @Path("run")
    @RolesAllowed(Roles.VIEWER)
    public TemplateInstance run(@PathParam("id") long id, @PathParam("campaignId") long campaignId) {
        return runFragment(id, campaignId, FormErrors.NONE);
    }

    @POST
    @Path("run/start")
    @RolesAllowed(Roles.OFFICER)
    public Response start(@PathParam("id") long id, @PathParam("campaignId") long campaignId) {
        return act(id, campaignId, () -> runs.start(user.name(), id, campaignId));
    }

    @POST
    @Path("run/pause")
    @RolesAllowed(Roles.OFFICER)
    public Response pause(@PathParam("id") long id, @PathParam("campaignId") long campaignId) {
        return act(id, campaignId, () -> runs.pause(user.name(), id, campaignId));
    }

    @POST
    @Path("run/resume")
    @RolesAllowed(Roles.OFFICER)
    public Response resume(@PathParam("id") long id, @PathParam("campaignId") long campaignId) {
        return act(id, campaignId, () -> runs.resume(user.name(), id, campaignId));
    }

    @GET
    @Path("edit")
    @RolesAllowed(Roles.OFFICER)
    public TemplateInstance edit(@PathParam("id") long id, @PathParam("campaignId") long campaignId) {
        return editor.page(id, campaignId, CampaignForm.of(view(id, campaignId)));
    }

    @POST
    @Path("edit")
    @RolesAllowed(Roles.OFFICER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(
            @PathParam("id") long id, @PathParam("campaignId") long campaignId, @BeanParam CampaignForm form) {
        view(id, campaignId);
        return editor.save(id, campaignId, form);
    }

    private Response act(long id, long campaignId, Supplier<CampaignRun> action) {
        view(id, campaignId);
        FormErrors errors = forms.act(action).errors();
        return FormAnswer.of(runFragment(id, campaignId, errors), errors, (String) null);
    }

    private TemplateInstance runFragment(long id, long campaignId, FormErrors errors) {
        CampaignView campaign = view(id, campaignId);
        return Templates.campaign$run(
                operations.get(id),
                campaign,
                VictimListView.of(lists.get(campaign.listId())),
                runs.view(id, campaignId).orElse(null),
                errors);
    }

    private CampaignView view(long id, long campaignId) {
        return CampaignView.of(campaigns.get(id, campaignId), campaigns.zone(id));
    }
}
