package org.takedown.operation;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.takedown.security.Roles;

@Path("/api/kill-switch")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class KillSwitchResource {

    @Inject
    KillSwitchService killSwitch;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public KillSwitchView get() {
        return KillSwitchView.of(killSwitch.state());
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    public KillSwitchView set(@Valid @NotNull KillSwitchRequest request) {
        return KillSwitchView.of(killSwitch.set(identity.getPrincipal().getName(), request));
    }

    public record KillSwitchView(
            boolean engaged,
            boolean includeBanners,
            boolean sendingStopped,
            boolean bannersStopped,
            String reason,
            String changedBy,
            Instant changedAt) {

        static KillSwitchView of(KillSwitch k) {
            return new KillSwitchView(
                    k.engaged,
                    k.includeBanners,
                    k.engaged,
                    k.engaged && k.includeBanners,
                    k.reason,
                    k.changedBy,
                    k.changedAt);
        }
    }
}
