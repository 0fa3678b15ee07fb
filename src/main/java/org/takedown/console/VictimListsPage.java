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
import java.util.Locale;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.takedown.operation.Operation;
import org.takedown.operation.OperationService;
import org.takedown.security.Roles;
import org.takedown.victim.list.VictimList;
import org.takedown.victim.list.VictimListRequest;
import org.takedown.victim.list.VictimListService;
import org.takedown.victim.list.VictimListView;

/** An operation's victim lists: each with its size, and a form to start a new one. */
@Path("/console/operations/{id: [0-9]+}/victims")
@Produces(MediaType.TEXT_HTML)
public class VictimListsPage {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance victimLists(
                Operation op, List<VictimListView> lists, FormErrors errors, Map<String, String> typed);

        static native TemplateInstance victimLists$lists(
                Operation op, List<VictimListView> lists, FormErrors errors, Map<String, String> typed);
    }

    @Inject
    OperationService operations;

    @Inject
    VictimListService lists;

    @Inject
    ConsoleForms forms;

    @Inject
    ConsoleUser user;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public TemplateInstance page(@PathParam("id") long id) {
        return Templates.victimLists(operations.get(id), views(id), FormErrors.NONE, Map.of());
    }

    /** A new list; then its page, where the officer imports the file. */
    @POST
    @RolesAllowed(Roles.OFFICER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(
            @PathParam("id") long id, @RestForm String name, @RestForm String region, @RestForm String otherRegions) {
        VictimListRequest request = new VictimListRequest(FormInput.text(name), upper(region), regions(otherRegions));
        ConsoleForms.Submitted<VictimList> created =
                forms.submit(request, () -> lists.create(user.name(), id, request));
        if (created.ok()) {
            return Response.ok()
                    .header("HX-Redirect", "/console/operations/" + id + "/victims/" + created.value().id)
                    .build();
        }
        Map<String, String> typed = ConsoleForms.typed("name", name, "region", region, "otherRegions", otherRegions);
        return FormAnswer.of(
                Templates.victimLists$lists(operations.get(id), views(id), created.errors(), typed),
                created.errors(),
                (String) null);
    }

    private List<VictimListView> views(long id) {
        return lists.ofOperation(id).stream().map(VictimListView::of).toList();
    }

    private static String upper(String code) {
        String text = FormInput.text(code);
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }

    /** "FR, DE ie" → [FR, DE, IE]. */
    private static List<String> regions(String typed) {
        String text = FormInput.text(typed);
        return text == null
                ? List.of()
                : Arrays.stream(text.split("[\\s,;]+"))
                        .filter(code -> !code.isEmpty())
                        .map(code -> code.toUpperCase(Locale.ROOT))
                        .toList();
    }
}
