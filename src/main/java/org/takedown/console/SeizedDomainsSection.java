package org.takedown.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.takedown.operation.Operation;
import org.takedown.operation.OperationService;
import org.takedown.security.Roles;
import org.takedown.seizure.SeizedDomain;
import org.takedown.seizure.SeizedDomainRequest;
import org.takedown.seizure.SeizedDomainService;

/** The seized domains of an operation: host names, when each banner goes live and retires, and its state. */
@Path("/console/operations/{id: [0-9]+}/seized-domains")
@Produces(MediaType.TEXT_HTML)
public class SeizedDomainsSection {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance seizedDomains(
                Operation op,
                List<SeizedDomain> domains,
                boolean editable,
                FormErrors errors,
                String saved,
                Map<String, String> typed);
    }

    @Inject
    OperationService operations;

    @Inject
    SeizedDomainService domains;

    @Inject
    ConsoleForms forms;

    @Inject
    ConsoleUser user;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public TemplateInstance show(@PathParam("id") long id) {
        return render(id, FormErrors.NONE, null, Map.of());
    }

    @POST
    @RolesAllowed(Roles.OFFICER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(
            @PathParam("id") long id,
            @RestForm String hostname,
            @RestForm String liveFrom,
            @RestForm String liveUntil,
            @RestForm boolean includeWww,
            @RestForm String aliases,
            @RestForm boolean unavailableForLegalReasons,
            @RestForm String blockedBy) {
        FormInput input = new FormInput();
        List<String> aliasList = FormInput.text(aliases) == null
                ? null
                : Arrays.stream(aliases.split("[,\\s]+"))
                        .map(String::strip)
                        .filter(a -> !a.isEmpty())
                        .toList();
        SeizedDomainRequest request = new SeizedDomainRequest(
                FormInput.text(hostname),
                input.dateTime("liveFrom", liveFrom),
                input.dateTime("liveUntil", liveUntil),
                includeWww,
                aliasList,
                unavailableForLegalReasons,
                FormInput.text(blockedBy));
        ConsoleForms.Submitted<SeizedDomain> added =
                forms.submit(input, request, () -> domains.add(user.name(), id, request));
        Map<String, String> typed = added.ok()
                ? Map.of()
                : ConsoleForms.typed(
                        "hostname",
                        hostname,
                        "liveFrom",
                        liveFrom,
                        "liveUntil",
                        liveUntil,
                        "aliases",
                        aliases,
                        "blockedBy",
                        blockedBy);
        return respond(id, added.errors(), added.ok() ? "Added " + added.value().hostname + "." : null, typed);
    }

    @POST
    @Path("{domainId}/remove")
    @RolesAllowed(Roles.OFFICER)
    public Response remove(@PathParam("id") long id, @PathParam("domainId") long domainId) {
        ConsoleForms.Submitted<Object> removed = forms.act(() -> {
            domains.remove(user.name(), id, domainId);
            return null;
        });
        return respond(id, removed.errors(), removed.ok() ? "Removed." : null, Map.of());
    }

    private Response respond(long id, FormErrors errors, String saved, Map<String, String> typed) {
        return FormAnswer.of(render(id, errors, saved, typed), errors, saved != null);
    }

    private TemplateInstance render(long id, FormErrors errors, String saved, Map<String, String> typed) {
        Operation op = operations.get(id);
        boolean editable = user.mayEdit(op);
        return Templates.seizedDomains(op, domains.list(id, null).list(), editable, errors, saved, typed);
    }
}
