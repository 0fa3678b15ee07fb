package org.takedown.watch;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.takedown.common.Page;
import org.takedown.common.PageRequest;
import org.takedown.security.Roles;

/** What the operation's rules found, newest first; {@code ?targetId=} and {@code ?ruleId=} narrow it. */
@Path("/api/operations/{id}/sightings")
@Produces(MediaType.APPLICATION_JSON)
public class SightingResource {

    @Inject
    SightingService sightings;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Page<SightingView> list(
            @PathParam("id") long id,
            @Valid @BeanParam PageRequest page,
            @QueryParam("targetId") Long targetId,
            @QueryParam("ruleId") Long ruleId) {
        return Page.of(sightings.list(id, targetId, ruleId), page, SightingView::of);
    }

    public record SightingView(
            long id,
            long targetId,
            Long postId,
            Long probeId,
            long ruleId,
            String rulePattern,
            String excerpt,
            Long captureId,
            Instant createdAt) {

        static SightingView of(Sighting s) {
            return new SightingView(
                    s.id,
                    s.targetId,
                    s.postId,
                    s.probeId,
                    s.ruleId,
                    s.rulePattern,
                    s.excerpt,
                    s.captureId,
                    s.createdAt);
        }
    }
}
