package org.takedown.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.takedown.delivery.Delivery;
import org.takedown.notice.DeliveryService;
import org.takedown.security.Roles;

/** Every delivery whose fate is UNKNOWN, across operations, each linked to its run's report where an officer resolves it. */
@Path("/console/deliveries/unknown")
@Produces(MediaType.TEXT_HTML)
public class UnknownDeliveriesPage {

    private static final int SHOWN = 200;

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance unknownDeliveries(List<Delivery> rows, long total);
    }

    @Inject
    DeliveryService deliveries;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public TemplateInstance list() {
        var unknown = deliveries.deliveries(null, null, "UNKNOWN");
        return Templates.unknownDeliveries(unknown.page(0, SHOWN).list(), unknown.count());
    }
}
