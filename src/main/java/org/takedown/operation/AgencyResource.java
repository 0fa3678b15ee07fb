package org.takedown.operation;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.takedown.common.Page;
import org.takedown.common.PageRequest;
import org.takedown.common.ProblemException;
import org.takedown.security.Roles;

@Path("/api/operations/{id}/agencies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgencyResource {

    @Inject
    AgencyService agencies;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Page<AgencyView> list(@PathParam("id") long id, @Valid @BeanParam PageRequest page) {
        return Page.of(agencies.list(id), page, AgencyView::of);
    }

    @POST
    @RolesAllowed(Roles.OFFICER)
    public Response add(@PathParam("id") long id, @Valid @NotNull AgencyRequest request) {
        return Response.status(201)
                .entity(AgencyView.of(agencies.add(actor(), id, request)))
                .build();
    }

    @PUT
    @Path("/{agencyId}")
    @RolesAllowed(Roles.OFFICER)
    public AgencyView update(
            @PathParam("id") long id, @PathParam("agencyId") long agencyId, @Valid @NotNull AgencyRequest request) {
        return AgencyView.of(agencies.update(actor(), id, agencyId, request));
    }

    @DELETE
    @Path("/{agencyId}")
    @RolesAllowed(Roles.OFFICER)
    public Response remove(@PathParam("id") long id, @PathParam("agencyId") long agencyId) {
        agencies.remove(actor(), id, agencyId);
        return Response.noContent().build();
    }

    /** The raw image as the body: {@code Content-Type: image/png} or {@code image/svg+xml}, at most 512 KB. */
    @PUT
    @Path("/{agencyId}/emblem")
    @Consumes({EmblemCheck.PNG, EmblemCheck.SVG})
    @RolesAllowed(Roles.OFFICER)
    public AgencyView setEmblem(
            @PathParam("id") long id,
            @PathParam("agencyId") long agencyId,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            byte[] body) {
        return AgencyView.of(agencies.setEmblem(actor(), id, agencyId, contentType, body == null ? new byte[0] : body));
    }

    /** Served as an inert attachment-style image: the officer host never runs an uploaded file. */
    @GET
    @Path("/{agencyId}/emblem")
    @Produces({EmblemCheck.PNG, EmblemCheck.SVG})
    @RolesAllowed(Roles.VIEWER)
    public Response emblem(@PathParam("id") long id, @PathParam("agencyId") long agencyId) {
        Agency agency = agencies.get(id, agencyId);
        if (agency.emblem == null) {
            throw ProblemException.notFound("An emblem for agency " + agencyId);
        }
        return Response.ok(agency.emblem, agency.emblemContentType)
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.ETAG, "\"" + agency.emblemSha256 + "\"")
                .build();
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    public record AgencyView(
            long id,
            long operationId,
            String name,
            String website,
            int displayOrder,
            String emblemContentType,
            String emblemSha256,
            Instant createdAt) {

        static AgencyView of(Agency a) {
            return new AgencyView(
                    a.id,
                    a.operationId,
                    a.name,
                    a.website,
                    a.displayOrder,
                    a.emblemContentType,
                    a.emblemSha256,
                    a.createdAt);
        }
    }
}
