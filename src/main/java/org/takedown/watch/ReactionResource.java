package org.takedown.watch;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.takedown.common.Page;
import org.takedown.common.PageRequest;
import org.takedown.security.Roles;

/** What reacting rules did with the posts they matched, newest first: the runs queued and the reactions held back. */
@Path("/api/operations/{id}/reactions")
@Produces(MediaType.APPLICATION_JSON)
public class ReactionResource {

    @Inject
    ReactionService reactions;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Page<ReactionView> list(@PathParam("id") long id, @Valid @BeanParam PageRequest page) {
        return Page.of(reactions.list(id), page, ReactionView::of);
    }

    public record ReactionView(
            long id,
            long ruleId,
            long noticeId,
            long targetId,
            long postId,
            long sightingId,
            Long runId,
            Reaction.Outcome outcome,
            String detail,
            Instant createdAt) {

        static ReactionView of(Reaction r) {
            return new ReactionView(
                    r.id,
                    r.ruleId,
                    r.noticeId,
                    r.targetId,
                    r.postId,
                    r.sightingId,
                    r.runId,
                    r.outcome,
                    r.detail,
                    r.createdAt);
        }
    }
}
