package org.takedown.watch;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.takedown.common.Page;
import org.takedown.common.PageRequest;
import org.takedown.security.Roles;

/** Keyword and regex rules run over every newly read post; a match is a sighting. */
@Path("/api/operations/{id}/watch-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WatchRuleResource {

    @Inject
    WatchRuleService rules;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Page<RuleView> list(@PathParam("id") long id, @Valid @BeanParam PageRequest page) {
        return Page.of(rules.list(id), page, RuleView::of);
    }

    @POST
    @RolesAllowed(Roles.OFFICER)
    public Response add(@PathParam("id") long id, @Valid @NotNull WatchRuleRequest request) {
        return Response.status(201)
                .entity(RuleView.of(rules.add(actor(), id, request)))
                .build();
    }

    @PUT
    @Path("/{ruleId}")
    @RolesAllowed(Roles.OFFICER)
    public RuleView update(
            @PathParam("id") long id, @PathParam("ruleId") long ruleId, @Valid @NotNull WatchRuleRequest request) {
        return RuleView.of(rules.update(actor(), id, ruleId, request));
    }

    @DELETE
    @Path("/{ruleId}")
    @RolesAllowed(Roles.OFFICER)
    public Response remove(@PathParam("id") long id, @PathParam("ruleId") long ruleId) {
        rules.remove(actor(), id, ruleId);
        return Response.noContent().build();
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    public record RuleView(
            long id,
            long operationId,
            WatchRule.Kind kind,
            String pattern,
            Long reactWithNotice,
            boolean reactionsPaused,
            Instant createdAt) {

        static RuleView of(WatchRule r) {
            return new RuleView(
                    r.id, r.operationId, r.kind, r.pattern, r.reactNoticeId, r.reactionsPaused, r.createdAt);
        }
    }
}
