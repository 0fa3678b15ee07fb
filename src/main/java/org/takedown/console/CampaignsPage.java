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
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.takedown.operation.Operation;
import org.takedown.operation.OperationService;
import org.takedown.security.Roles;
import org.takedown.victim.campaign.CampaignService;
import org.takedown.victim.campaign.CampaignView;
import org.takedown.victim.run.CampaignRunService;
import org.takedown.victim.run.CampaignRunView;

/** An operation's SMS campaigns, each with its run's state; a new campaign's editor and the editor's live text check. */
@Path("/console/operations/{id: [0-9]+}/campaigns")
@Produces(MediaType.TEXT_HTML)
public class CampaignsPage {

    /** A campaign and its run, if started. */
    public record Line(CampaignView campaign, CampaignRunView run) {}

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance campaigns(Operation op, List<Line> campaigns);
    }

    @Inject
    OperationService operations;

    @Inject
    CampaignService campaigns;

    @Inject
    CampaignRunService runs;

    @Inject
    CampaignEditor editor;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public TemplateInstance list(@PathParam("id") long id) {
        String zone = campaigns.zone(id);
        List<Line> lines = campaigns.list(id).stream()
                .map(c -> new Line(CampaignView.of(c, zone), runs.view(id, c.id).orElse(null)))
                .toList();
        return Templates.campaigns(operations.get(id), lines);
    }

    @GET
    @Path("new")
    @RolesAllowed(Roles.OFFICER)
    public TemplateInstance blank(@PathParam("id") long id) {
        return editor.page(id, null, CampaignForm.blank());
    }

    @POST
    @Path("new")
    @RolesAllowed(Roles.OFFICER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@PathParam("id") long id, @BeanParam CampaignForm form) {
        return editor.save(id, null, form);
    }

    /** One text's encoding, length, parts and findings, as the officer types it. */
    @POST
    @Path("check")
    @RolesAllowed(Roles.OFFICER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance check(@PathParam("id") long id, @BeanParam CampaignForm form, @RestForm("row") String row) {
        FormInput input = new FormInput();
        Integer index = input.number("row", row);
        return editor.check(id, form, index == null || index < 0 || index >= CampaignForm.MAX_TEXTS ? 0 : index);
    }
}
