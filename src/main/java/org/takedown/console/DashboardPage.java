package org.takedown.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.takedown.notice.DeliveryService;
import org.takedown.operation.KillSwitch;
import org.takedown.operation.KillSwitchRequest;
import org.takedown.operation.KillSwitchService;
import org.takedown.operation.Operation;
import org.takedown.operation.OperationService;
import org.takedown.operation.OperationStatus;
import org.takedown.security.Roles;

/** The dashboard: operations by state, what needs an officer, the latest operations, and the kill switch. */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class DashboardPage {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance dashboard(
                List<StateCount> states,
                long unknownDeliveries,
                List<Operation> latest,
                KillSwitch killSwitch,
                FormErrors errors,
                DashboardFeed.Feed feed,
                List<Operation> live);

        static native TemplateInstance dashboard$killswitch(KillSwitch killSwitch, FormErrors errors);
    }

    /** How many operations are in a state. */
    public record StateCount(OperationStatus status, long count) {}

    @Inject
    OperationService operations;

    @Inject
    DeliveryService deliveries;

    @Inject
    KillSwitchService killSwitch;

    @Inject
    ConsoleForms forms;

    @Inject
    DashboardFeed feed;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public TemplateInstance dashboard() {
        List<StateCount> states = Arrays.stream(OperationStatus.values())
                .map(status ->
                        new StateCount(status, operations.search(status, null).count()))
                .toList();
        long unknown = deliveries.deliveries(null, null, "UNKNOWN").count();
        List<Operation> latest = operations.search(null, null).page(0, 10).list();
        List<Operation> live = operations.inStatus(java.util.EnumSet.of(OperationStatus.ACTIVE));
        return Templates.dashboard(states, unknown, latest, killSwitch.state(), FormErrors.NONE, feed.read(), live);
    }

    @POST
    @Path("kill-switch")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public jakarta.ws.rs.core.Response setKillSwitch(
            @RestForm boolean engaged, @RestForm boolean includeBanners, @RestForm String reason) {
        KillSwitchRequest request = new KillSwitchRequest(
                engaged, includeBanners, reason == null || reason.isBlank() ? null : reason.strip());
        FormErrors errors = forms.submit(
                        request, () -> killSwitch.set(identity.getPrincipal().getName(), request))
                .errors();
        return FormAnswer.of(Templates.dashboard$killswitch(killSwitch.state(), errors), errors, (String) null);
    }
}
