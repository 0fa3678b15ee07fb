package org.takedown.victim.suppression;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.takedown.common.Page;
import org.takedown.common.PageRequest;
import org.takedown.security.Roles;
import org.takedown.victim.Justification;

/** The force-wide suppression list: numbers and addresses never to contact, shown masked. */
@Path("/api/suppressions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SuppressionResource {

    @Inject
    SuppressionList suppressions;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Page<SuppressionView> list(@Valid @BeanParam PageRequest page) {
        return Page.of(suppressions.all(), page, SuppressionView::of);
    }

    @POST
    @RolesAllowed(Roles.OFFICER)
    public Response add(@Valid @NotNull SuppressionRequest request) {
        Suppression added = suppressions.add(identity.getPrincipal().getName(), request);
        return Response.status(201).entity(SuppressionView.of(added)).build();
    }

    /** Lets the force contact a number or address again: an officer's decision, with its reason in the audit chain. */
    @POST
    @Path("/{suppressionId}/remove")
    @RolesAllowed(Roles.OFFICER)
    public Response remove(@PathParam("suppressionId") long suppressionId, @Valid @NotNull Justification request) {
        suppressions.remove(identity.getPrincipal().getName(), suppressionId, request.justification());
        return Response.noContent().build();
    }
}
