package org.takedown.victim.list;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import org.takedown.common.Page;
import org.takedown.common.PageRequest;
import org.takedown.security.Roles;
import org.takedown.victim.Justification;

/** An operation's victim lists and their victims, masked. */
@Path("/api/operations/{id}/victim-lists")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VictimListResource {

    @Inject
    VictimListService lists;

    @Inject
    VictimDisclosure disclosure;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public List<VictimListView> list(@PathParam("id") long id) {
        return lists.ofOperation(id).stream().map(VictimListView::of).toList();
    }

    @POST
    @RolesAllowed(Roles.OFFICER)
    public Response create(@PathParam("id") long id, @Valid @NotNull VictimListRequest request) {
        VictimList list = lists.create(identity.getPrincipal().getName(), id, request);
        return Response.status(201).entity(VictimListView.of(list)).build();
    }

    @GET
    @Path("/{listId}")
    @RolesAllowed(Roles.VIEWER)
    public VictimListView get(@PathParam("id") long id, @PathParam("listId") long listId) {
        return VictimListView.of(lists.ofOperation(id, listId));
    }

    /** The list's victims as every page shows them: phone and email masked, no name, no personalisation values. */
    @GET
    @Path("/{listId}/victims")
    @RolesAllowed(Roles.VIEWER)
    public Page<VictimView> victims(
            @PathParam("id") long id, @PathParam("listId") long listId, @Valid @BeanParam PageRequest page) {
        lists.ofOperation(id, listId);
        return lists.maskedVictims(listId, page);
    }

    /**
     * One victim in the clear: for a role {@code takedown.victims.reveal-roles} names, with a written justification
     * that the audit chain keeps with who and when. Never cached.
     */
    @POST
    @Path("/{listId}/victims/{victimId}/reveal")
    @RolesAllowed(Roles.VIEWER)
    public Response reveal(
            @PathParam("id") long id,
            @PathParam("listId") long listId,
            @PathParam("victimId") long victimId,
            @Valid @NotNull Justification request) {
        lists.ofOperation(id, listId);
        return Response.ok(disclosure.reveal(identity, listId, victimId, request.justification()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    /** The whole list in the clear as CSV, on the same terms as a reveal; audited before the first byte. */
    @POST
    @Path("/{listId}/export")
    @Produces("text/csv")
    @RolesAllowed(Roles.VIEWER)
    public Response export(
            @PathParam("id") long id, @PathParam("listId") long listId, @Valid @NotNull Justification request) {
        lists.ofOperation(id, listId);
        disclosure.startExport(identity, listId, request.justification());
        StreamingOutput csv = out -> disclosure.export(listId, out);
        return Response.ok(csv)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Content-Disposition", "attachment; filename=\"victim-list-" + listId + ".csv\"")
                .build();
    }
}
