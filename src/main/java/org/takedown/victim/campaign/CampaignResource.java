package org.takedown.victim.campaign;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.takedown.security.Roles;

/** An operation's SMS campaigns, their lint report, and the lint of a text as it is typed. */
@Path("/api/operations/{id}/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CampaignResource {

    @Inject
    CampaignService campaigns;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public List<CampaignView> list(@PathParam("id") long id) {
        String zone = campaigns.zone(id);
        return campaigns.list(id).stream().map(c -> CampaignView.of(c, zone)).toList();
    }

    @POST
    @RolesAllowed(Roles.OFFICER)
    public Response add(@PathParam("id") long id, @Valid @NotNull CampaignRequest request) {
        Campaign campaign = campaigns.add(actor(), id, request);
        return Response.status(201)
                .entity(CampaignView.of(campaign, campaigns.zone(id)))
                .build();
    }

    @GET
    @Path("/{campaignId}")
    @RolesAllowed(Roles.VIEWER)
    public CampaignView get(@PathParam("id") long id, @PathParam("campaignId") long campaignId) {
        return CampaignView.of(campaigns.get(id, campaignId), campaigns.zone(id));
    }

    @PUT
    @Path("/{campaignId}")
    @RolesAllowed(Roles.OFFICER)
    public CampaignView update(
            @PathParam("id") long id,
            @PathParam("campaignId") long campaignId,
            @Valid @NotNull CampaignRequest request) {
        return CampaignView.of(campaigns.update(actor(), id, campaignId, request), campaigns.zone(id));
    }

    @DELETE
    @Path("/{campaignId}")
    @RolesAllowed(Roles.OFFICER)
    public Response remove(@PathParam("id") long id, @PathParam("campaignId") long campaignId) {
        campaigns.remove(actor(), id, campaignId);
        return Response.noContent().build();
    }

    /** The lint of the campaign over its list as it is now: texts, every recipient's worst case, cost and plan. */
    @GET
    @Path("/{campaignId}/report")
    @RolesAllowed(Roles.VIEWER)
    public CampaignReport report(@PathParam("id") long id, @PathParam("campaignId") long campaignId) {
        return campaigns.report(id, campaignId);
    }

    /** The encoding, length, parts and findings of a text as the officer types it (the editor's live counter). */
    @POST
    @Path("/lint")
    @RolesAllowed(Roles.OFFICER)
    public TextCheck lint(@PathParam("id") long id, @Valid @NotNull TextLintRequest request) {
        campaigns.zone(id); // a 404 for an operation that does not exist, as on every route under it
        return campaigns.lint(
                request.text(), request.reference(), request.fallbacks(), request.region(), request.maxFragments());
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
