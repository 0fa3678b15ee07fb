package org.takedown.security;

import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
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
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.takedown.common.Page;
import org.takedown.common.PageRequest;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

    @Inject
    UserService users;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/me")
    @Authenticated
    public Me me() {
        return new Me(identity.getPrincipal().getName(), new TreeSet<>(identity.getRoles()));
    }

    @GET
    @Path("/users")
    @RolesAllowed(Roles.ADMIN)
    public Page<UserView> list(@Valid @BeanParam PageRequest page) {
        return Page.of(UserAccount.findAll(Sort.by("username")), page, UserView::of);
    }

    @POST
    @Path("/users")
    @RolesAllowed(Roles.ADMIN)
    public Response create(@Valid @NotNull UserRequest.Create request) {
        UserAccount user = users.create(actor(), request);
        return Response.status(201).entity(UserView.of(user)).build();
    }

    @PUT
    @Path("/users/{username}")
    @RolesAllowed(Roles.ADMIN)
    public UserView update(@PathParam("username") String username, @Valid @NotNull UserRequest.Update request) {
        return UserView.of(users.update(actor(), username, request));
    }

    @DELETE
    @Path("/users/{username}")
    @RolesAllowed(Roles.ADMIN)
    public Response delete(@PathParam("username") String username) {
        users.delete(actor(), username);
        return Response.noContent().build();
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    public record Me(String username, Set<String> roles) {}

    public record UserView(
            String username, List<String> roles, boolean managedByConfiguration, String createdBy, Instant createdAt) {

        static UserView of(UserAccount u) {
            return new UserView(u.username, u.roleList(), u.fromConfig, u.createdBy, u.createdAt);
        }
    }
}
