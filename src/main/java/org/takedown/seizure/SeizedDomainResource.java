package org.takedown.seizure;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.takedown.common.HostNames;
import org.takedown.common.Page;
import org.takedown.common.PageRequest;
import org.takedown.operation.LocalTimes;
import org.takedown.operation.OperationService;
import org.takedown.security.Roles;

@Path("/api/operations/{id}/seized-domains")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SeizedDomainResource {

    @Inject
    SeizedDomainService domains;

    @Inject
    OperationService operations;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Page<SeizedDomainView> list(
            @PathParam("id") long id,
            @Valid @BeanParam PageRequest page,
            @QueryParam("q") @Size(max = 253) String text) {
        String zone = operations.get(id).timezone;
        return Page.of(domains.list(id, text), page, d -> SeizedDomainView.of(d, zone));
    }

    @POST
    @RolesAllowed(Roles.OFFICER)
    public Response add(@PathParam("id") long id, @Valid @NotNull SeizedDomainRequest request) {
        SeizedDomain domain = domains.add(actor(), id, request);
        return Response.status(201)
                .entity(SeizedDomainView.of(domain, operations.get(id).timezone))
                .build();
    }

    @PUT
    @Path("/{domainId}")
    @RolesAllowed(Roles.OFFICER)
    public SeizedDomainView update(
            @PathParam("id") long id,
            @PathParam("domainId") long domainId,
            @Valid @NotNull SeizedDomainRequest request) {
        return SeizedDomainView.of(domains.update(actor(), id, domainId, request), operations.get(id).timezone);
    }

    @DELETE
    @Path("/{domainId}")
    @RolesAllowed(Roles.OFFICER)
    public Response remove(@PathParam("id") long id, @PathParam("domainId") long domainId) {
        domains.remove(actor(), id, domainId);
        return Response.noContent().build();
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    /** {@code hostname} is the stored punycode form; {@code displayName} its Unicode form. */
    public record SeizedDomainView(
            long id,
            long operationId,
            String hostname,
            String displayName,
            LocalDateTime liveFrom,
            Instant liveFromUtc,
            LocalDateTime liveUntil,
            Instant liveUntilUtc,
            boolean includeWww,
            List<String> aliases,
            boolean unavailableForLegalReasons,
            String blockedBy,
            DomainState state,
            Instant createdAt) {

        static SeizedDomainView of(SeizedDomain d, String zone) {
            return new SeizedDomainView(
                    d.id,
                    d.operationId,
                    d.hostname,
                    HostNames.toDisplay(d.hostname),
                    LocalTimes.toLocal(d.liveFrom, zone),
                    d.liveFrom,
                    LocalTimes.toLocal(d.liveUntil, zone),
                    d.liveUntil,
                    d.includeWww,
                    List.copyOf(d.aliases),
                    d.unavailableForLegalReasons,
                    d.blockedBy,
                    d.state,
                    d.createdAt);
        }
    }
}
