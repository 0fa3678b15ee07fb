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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.takedown.common.Page;
import org.takedown.common.PageRequest;
import org.takedown.common.ProblemException;
import org.takedown.operation.Operation;
import org.takedown.operation.OperationService;
import org.takedown.security.Roles;
import org.takedown.victim.Justification;
import org.takedown.victim.list.ImportStatus;
import org.takedown.victim.list.ImportView;
import org.takedown.victim.list.RevealedVictim;
import org.takedown.victim.list.VictimDisclosure;
import org.takedown.victim.list.VictimImportService;
import org.takedown.victim.list.VictimList;
import org.takedown.victim.list.VictimListService;
import org.takedown.victim.list.VictimListView;
import org.takedown.victim.list.VictimView;

/**
 * One victim list: its imports and their reports (refreshing while one is read), the file upload (in parts, by the
 * page's script), the victims masked, page by page, and for a role allowed to, one victim revealed or the whole list
 * exported, each with a written justification that the audit chain keeps.
 */
@Path("/console/operations/{id: [0-9]+}/victims/{listId: [0-9]+}")
@Produces(MediaType.TEXT_HTML)
public class VictimListPage {

    static final int PAGE_SIZE = 50;

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance victimList(
                Operation op,
                VictimListView list,
                List<ImportView> imports,
                boolean reading,
                Page<VictimView> victims,
                boolean mayImport,
                boolean mayReveal);

        static native TemplateInstance victimList$imports(
                Operation op, VictimListView list, List<ImportView> imports, boolean reading);

        static native TemplateInstance victimReveal(
                Operation op, VictimListView list, long victimId, RevealedVictim clear, FormErrors errors);
    }

    @Inject
    OperationService operations;

    @Inject
    VictimListService lists;

    @Inject
    VictimImportService imports;

    @Inject
    VictimDisclosure disclosure;

    @Inject
    ConsoleForms forms;

    @Inject
    ConsoleUser user;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public TemplateInstance page(
            @PathParam("id") long id, @PathParam("listId") long listId, @QueryParam("page") int page) {
        Operation op = operations.get(id);
        VictimList list = lists.ofOperation(id, listId);
        List<ImportView> reports = reports(listId);
        return Templates.victimList(
                op,
                VictimListView.of(list),
                reports,
                reading(reports),
                lists.maskedVictims(listId, PageRequest.of(page, PAGE_SIZE)),
                user.mayEdit(op) && list.purgedAt == null,
                disclosure.mayReveal(identity) && list.purgedAt == null);
    }

    /** The imports alone, for the page's refresh while one is read. */
    @GET
    @Path("imports")
    @RolesAllowed(Roles.VIEWER)
    public TemplateInstance imports(@PathParam("id") long id, @PathParam("listId") long listId) {
        VictimList list = lists.ofOperation(id, listId);
        List<ImportView> reports = reports(listId);
        return Templates.victimList$imports(operations.get(id), VictimListView.of(list), reports, reading(reports));
    }

    /** The rows an import refused: row numbers and reasons, nothing of their content. */
    @GET
    @Path("imports/{importId: [0-9]+}/refusals.csv")
    @RolesAllowed(Roles.VIEWER)
    @Produces("text/csv")
    public Response refusals(
            @PathParam("id") long id, @PathParam("listId") long listId, @PathParam("importId") long importId) {
        lists.ofOperation(id, listId);
        imports.get(listId, importId);
        StreamingOutput csv = out -> imports.writeRefusals(listId, importId, out);
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"import-" + importId + "-refusals.csv\"")
                .build();
    }

    /** One victim in the clear, in place of their masked row's details; never cached. */
    @POST
    @Path("victims/{victimId: [0-9]+}/reveal")
    @RolesAllowed(Roles.VIEWER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reveal(
            @PathParam("id") long id,
            @PathParam("listId") long listId,
            @PathParam("victimId") long victimId,
            @RestForm String justification) {
        Operation op = operations.get(id);
        VictimList list = lists.ofOperation(id, listId);
        Justification request = new Justification(FormInput.text(justification));
        ConsoleForms.Submitted<RevealedVictim> revealed =
                forms.submit(request, () -> disclosure.reveal(identity, listId, victimId, request.justification()));
        return Response.fromResponse(FormAnswer.of(
                        Templates.victimReveal(
                                op, VictimListView.of(list), victimId, revealed.value(), revealed.errors()),
                        revealed.errors(),
                        (String) null))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    /** The whole list in the clear as CSV, audited before the first byte; the page's script saves it as a file. */
    @POST
    @Path("export")
    @RolesAllowed(Roles.VIEWER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces("text/csv")
    public Response export(@PathParam("id") long id, @PathParam("listId") long listId, @RestForm String justification) {
        lists.ofOperation(id, listId);
        Justification request = new Justification(FormInput.text(justification));
        FormErrors refused = forms.submit(request, () -> true).errors();
        if (refused.any()) {
            throw ProblemException.invalidField(422, "justification", refused.of("justification"));
        }
        disclosure.startExport(identity, listId, request.justification()); // its refusal keeps its own status
        StreamingOutput csv = out -> disclosure.export(listId, out);
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Content-Disposition", "attachment; filename=\"victim-list-" + listId + ".csv\"")
                .build();
    }

    private List<ImportView> reports(long listId) {
        return imports.ofList(listId).stream().map(ImportView::of).toList();
    }

    private static boolean reading(List<ImportView> reports) {
        return reports.stream().anyMatch(r -> r.status() == ImportStatus.READING);
    }
}
