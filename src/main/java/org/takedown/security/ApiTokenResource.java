package org.takedown.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.takedown.common.ProblemException;

/**
 * API tokens: anyone signed in lists and creates their own (for some of their own roles) and revokes them; an admin
 * lists everyone's ({@code ?all=true}) and may revoke any. The token itself is in the creation's answer only. A token
 * cannot create tokens: that takes a password or a console session.
 */
@Path("/api/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApiTokenResource {

    @Inject
    ApiTokenService tokens;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public List<TokenView> list(@QueryParam("all") boolean all) {
        if (all && !identity.hasRole(Roles.ADMIN)) {
            throw ProblemException.forbidden("Only an admin lists everyone's tokens");
        }
        return tokens.list(all ? null : identity.getPrincipal().getName()).stream()
                .map(TokenView::of)
                .toList();
    }

    @POST
    @RolesAllowed(Roles.VIEWER)
    public Response create(@Valid @NotNull TokenRequest request) {
        if ("token".equals(identity.getAttribute(ApiIdentityProviders.VIA))) {
            throw ProblemException.forbidden(
                    "A token cannot create tokens: sign in with your password or use the console");
        }
        ApiTokenService.Created created =
                tokens.create(identity.getPrincipal().getName(), identity.getRoles(), request);
        return Response.status(201)
                .entity(new CreatedView(TokenView.of(created.token()), created.secret()))
                .build();
    }

    @DELETE
    @Path("/{tokenId}")
    @RolesAllowed(Roles.VIEWER)
    public TokenView revoke(@PathParam("tokenId") long tokenId) {
        return TokenView.of(tokens.revoke(identity.getPrincipal().getName(), identity.hasRole(Roles.ADMIN), tokenId));
    }

    /** A token as listed: never the token itself. */
    public record TokenView(
            long id,
            String name,
            String username,
            List<String> roles,
            Instant createdAt,
            Instant expiresAt,
            Instant lastUsedAt,
            Instant revokedAt,
            String revokedBy) {

        static TokenView of(ApiToken t) {
            return new TokenView(
                    t.id,
                    t.name,
                    t.username,
                    t.roleList(),
                    t.createdAt,
                    t.expiresAt,
                    t.lastUsedAt,
                    t.revokedAt,
                    t.revokedBy);
        }
    }

    /** The answer to a creation: {@code token} is shown this once; send it as {@code Authorization: Bearer <token>}. */
    public record CreatedView(TokenView details, String token) {}
}
