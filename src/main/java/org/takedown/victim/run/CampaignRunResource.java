package org.takedown.victim.run;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.takedown.common.ProblemException;
import org.takedown.security.Roles;

/** Sending a campaign: start it (once), pause and resume it, and read how far it got. */
@Path("/api/operations/{id}/campaigns/{campaignId}/run")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignRunResource {

    @Inject
    CampaignRunService runs;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public CampaignRunView get(@PathParam("id") long id, @PathParam("campaignId") long campaignId) {
        return runs.view(id, campaignId)
                .orElseThrow(() -> ProblemException.notFound("A run of campaign " + campaignId + " (not started)"));
    }

    @POST
    @RolesAllowed(Roles.OFFICER)
    public Response start(@PathParam("id") long id, @PathParam("campaignId") long campaignId) {
        runs.start(actor(), id, campaignId);
        return Response.status(201).entity(get(id, campaignId)).build();
    }

    @POST
    @Path("/pause")
    @RolesAllowed(Roles.OFFICER)
    public CampaignRunView pause(@PathParam("id") long id, @PathParam("campaignId") long campaignId) {
        runs.pause(actor(), id, campaignId);
        return get(id, campaignId);
    }

    @POST
    @Path("/resume")
    @RolesAllowed(Roles.OFFICER)
    public CampaignRunView resume(@PathParam("id") long id, @PathParam("campaignId") long campaignId) {
        runs.resume(actor(), id, campaignId);
        return get(id, campaignId);
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
