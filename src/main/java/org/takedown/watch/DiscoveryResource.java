package org.takedown.watch;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Arrays;
import org.takedown.common.Page;
import org.takedown.common.PageRequest;
import org.takedown.common.ProblemException;
import org.takedown.security.Roles;

/** Domains and handles found in watched channels: {@code ?status=NEW} is the queue to decide. */
@Path("/api/operations/{id}/discoveries")
@Produces(MediaType.APPLICATION_JSON)
public class DiscoveryResource {

    @Inject
    DiscoveryService discoveries;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Page<CandidateView> list(
            @PathParam("id") long id, @Valid @BeanParam PageRequest page, @QueryParam("status") String status) {
        return Page.of(discoveries.list(id, parseStatus(status)), page, CandidateView::of);
    }

    /** Watch it: the candidate becomes a watch target. */
    @POST
    @Path("/{candidateId}/accept")
    @RolesAllowed(Roles.OFFICER)
    public CandidateView accept(@PathParam("id") long id, @PathParam("candidateId") long candidateId) {
        return CandidateView.of(discoveries.accept(actor(), id, candidateId));
    }

    @POST
    @Path("/{candidateId}/dismiss")
    @RolesAllowed(Roles.OFFICER)
    public CandidateView dismiss(@PathParam("id") long id, @PathParam("candidateId") long candidateId) {
        return CandidateView.of(discoveries.dismiss(actor(), id, candidateId));
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private static DiscoveryCandidate.Status parseStatus(String status) {
        if (status == null) {
            return null;
        }
        return Arrays.stream(DiscoveryCandidate.Status.values())
                .filter(s -> s.name().equals(status))
                .findFirst()
                .orElseThrow(() -> ProblemException.invalidField(
                        400, "status", "must be one of " + Arrays.toString(DiscoveryCandidate.Status.values())));
    }

    /** {@code defanged}: the name was written defanged where it was found ({@code example[.]com}, {@code hxxps://}). */
    public record CandidateView(
            long id,
            WatchTargetKind kind,
            String value,
            boolean defanged,
            Long sourceTargetId,
            Long sourcePostId,
            Long sourceProbeId,
            DiscoveryCandidate.Status status,
            Long watchTargetId,
            String decidedBy,
            Instant decidedAt,
            Instant createdAt) {

        static CandidateView of(DiscoveryCandidate c) {
            return new CandidateView(
                    c.id,
                    c.kind,
                    c.value,
                    c.defanged,
                    c.sourceTargetId,
                    c.sourcePostId,
                    c.sourceProbeId,
                    c.status,
                    c.watchTargetId,
                    c.decidedBy,
                    c.decidedAt,
                    c.createdAt);
        }
    }
}
