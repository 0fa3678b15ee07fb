package org.takedown.victim.list;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import org.takedown.security.Roles;

/**
 * Importing a CSV file into a victim list: create the import (with a column mapping, or none), PUT the file in parts
 * of at most 1 MB ({@code text/csv} or {@code application/octet-stream}), complete it with the number of parts (and
 * the file's SHA-256), then follow its report until DONE or FAILED.
 */
@Path("/api/operations/{id}/victim-lists/{listId}/imports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VictimImportResource {

    @Inject
    VictimListService lists;

    @Inject
    VictimImportService imports;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public List<ImportView> list(@PathParam("id") long id, @PathParam("listId") long listId) {
        lists.ofOperation(id, listId);
        return imports.ofList(listId).stream().map(ImportView::of).toList();
    }

    @POST
    @RolesAllowed(Roles.OFFICER)
    public Response create(@PathParam("id") long id, @PathParam("listId") long listId, @Valid ImportRequest request) {
        lists.ofOperation(id, listId);
        VictimImport in = imports.create(actor(), listId, request == null ? null : request.mapping());
        return Response.status(201).entity(ImportView.of(in)).build();
    }

    @GET
    @Path("/{importId}")
    @RolesAllowed(Roles.VIEWER)
    public ImportView get(
            @PathParam("id") long id, @PathParam("listId") long listId, @PathParam("importId") long importId) {
        lists.ofOperation(id, listId);
        return ImportView.of(imports.get(listId, importId));
    }

    @PUT
    @Path("/{importId}/parts/{partNo}")
    @Consumes({"text/csv", MediaType.APPLICATION_OCTET_STREAM})
    @RolesAllowed(Roles.OFFICER)
    public ImportView putPart(
            @PathParam("id") long id,
            @PathParam("listId") long listId,
            @PathParam("importId") long importId,
            @PathParam("partNo") int partNo,
            byte[] body) {
        lists.ofOperation(id, listId);
        return ImportView.of(imports.putPart(listId, importId, partNo, body == null ? new byte[0] : body));
    }

    /** 202: the file's parts, SHA-256 and header are checked; its rows are being read (follow the import). */
    @POST
    @Path("/{importId}/complete")
    @RolesAllowed(Roles.OFFICER)
    public Response complete(
            @PathParam("id") long id,
            @PathParam("listId") long listId,
            @PathParam("importId") long importId,
            @Valid @NotNull CompleteRequest request) {
        lists.ofOperation(id, listId);
        VictimImport in = imports.complete(actor(), listId, importId, request);
        return Response.status(in.status == ImportStatus.DONE ? 200 : 202)
                .entity(ImportView.of(in))
                .build();
    }

    /** The refused rows: their number in the file and why, never their content; safe to open in a spreadsheet. */
    @GET
    @Path("/{importId}/refusals.csv")
    @Produces("text/csv")
    @RolesAllowed(Roles.VIEWER)
    public Response refusals(
            @PathParam("id") long id, @PathParam("listId") long listId, @PathParam("importId") long importId) {
        lists.ofOperation(id, listId);
        imports.get(listId, importId);
        StreamingOutput csv = out -> imports.writeRefusals(listId, importId, out);
        return Response.ok(csv)
                .header("Content-Disposition", "attachment; filename=\"import-" + importId + "-refusals.csv\"")
                .build();
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
