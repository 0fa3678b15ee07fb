package org.takedown.notice;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.takedown.common.Page;
import org.takedown.common.PageRequest;
import org.takedown.security.Roles;

/** Ledger rows of every operation in one state: typically {@code ?status=UNKNOWN}, the rows an officer must resolve. */
@Path("/api/deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class AllDeliveriesResource {

    @Inject
    DeliveryService deliveries;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public Page<DeliveryResource.DeliveryView> list(
            @QueryParam("status") @Size(max = 32) String status, @Valid @BeanParam PageRequest page) {
        return Page.ofAll(
                deliveries.deliveries(null, null, status),
                page,
                rows -> DeliveryResource.DeliveryView.of(rows, deliveries));
    }
}
