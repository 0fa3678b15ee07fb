package org.takedown.console;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.takedown.security.Roles;
import org.takedown.victim.list.CompleteRequest;
import org.takedown.victim.list.ImportRequest;
import org.takedown.victim.list.ImportView;
import org.takedown.victim.list.VictimImportService;
import org.takedown.victim.list.VictimListService;

/**
 * What the victim list page's script calls to import a file of any size within the request limit: start an import
 * with the column mapping, send the file in parts, complete it; answers are the import's report as JSON, refusals
 * problem documents. The same steps as the API's, for the console's session.
 */
@Path("/console/operations/{id: [0-9]+}/victims/{listId: [0-9]+}/imports")
@Produces(MediaType.APPLICATION_JSON)
public class VictimImportUpload {

    @Inject
    VictimListService lists;

    @Inject
    VictimImportService imports;

    @Inject
    ConsoleUser user;

    @POST
    @RolesAllowed(Roles.OFFICER)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(
            @PathParam("id") long id, @PathParam("listId") long listId, @Valid @NotNull ImportRequest request) {
        lists.ofOperation(id, listId);
        return Response.status(201)
                .entity(ImportView.of(imports.create(user.name(), listId, request.mapping())))
                .build();
    }

    @PUT
    @Path("{importId: [0-9]+}/parts/{partNo: [0-9]{1,6}}")
    @RolesAllowed(Roles.OFFICER)
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    public ImportView part(
            @PathParam("id") long id,
            @PathParam("listId") long listId,
            @PathParam("importId") long importId,
            @PathParam("partNo") int partNo,
            byte[] body) {
        lists.ofOperation(id, listId);
        return ImportView.of(imports.putPart(listId, importId, partNo, body == null ? new byte[0] : body));
    }

    @POST
    @Path("{importId: [0-9]+}/complete")
    @RolesAllowed(Roles.OFFICER)
    @Consumes(MediaType.APPLICATION_JSON)
    public ImportView complete(
            @PathParam("id") long id,
            @PathParam("listId") long listId,
            @PathParam("importId") long importId,
            @Valid @NotNull CompleteRequest request) {
        lists.ofOperation(id, listId);
        return ImportView.of(imports.complete(user.name(), listId, importId, request));
    }
}
