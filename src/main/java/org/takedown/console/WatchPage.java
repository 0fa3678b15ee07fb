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
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.takedown.evidence.Capture;
import org.takedown.evidence.EvidenceService;
import org.takedown.notice.Notice;
import org.takedown.notice.NoticeService;
import org.takedown.operation.Operation;
import org.takedown.operation.OperationService;
import org.takedown.security.Roles;
import org.takedown.watch.DiscoveryCandidate;
import org.takedown.watch.DiscoveryService;
import org.takedown.watch.DomainProbe;
import org.takedown.watch.Sighting;
import org.takedown.watch.SightingService;
import org.takedown.watch.WatchRule;
import org.takedown.watch.WatchRuleRequest;
import org.takedown.watch.WatchRuleService;
import org.takedown.watch.WatchTarget;
import org.takedown.watch.WatchTargetKind;
import org.takedown.watch.WatchTargetRequest;
import org.takedown.watch.WatchTargetService;

/**
 * Watching an operation: its channels and domains (with each domain's takedown verification), the rules that spot
 * adverts, the sightings they made, the evidence captured (WARC, SHA-256, download) and the new domains and handles
 * found, to accept as watch targets or dismiss.
 */
@Path("/console/operations/{id: [0-9]+}/watch")
@Produces(MediaType.TEXT_HTML)
public class WatchPage {

    private static final int LATEST = 50;

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance watch(
                Operation op,
                List<TargetLine> targets,
                List<WatchRule> rules,
                List<Sighting> sightings,
                List<Capture> captures,
                List<DiscoveryCandidate> candidates,
                List<Notice> notices,
                boolean editable,
                FormErrors errors,
                String saved,
                Map<String, String> typed);

        static native TemplateInstance domainHistory(Operation op, WatchTarget target, List<DomainProbe> probes);
    }

    /** A watch target with, for a domain, its latest probe (takedown verification). */
    public record TargetLine(WatchTarget target, DomainProbe latest) {}

    @Inject
    OperationService operations;

    @Inject
    WatchTargetService targets;

    @Inject
    WatchRuleService rules;

    @Inject
    SightingService sightings;

    @Inject
    DiscoveryService discovery;

    @Inject
    EvidenceService evidence;

    @Inject
    NoticeService notices;

    @Inject
    ConsoleForms forms;

    @Inject
    ConsoleUser user;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public TemplateInstance page(@PathParam("id") long id) {
        return render(id, FormErrors.NONE, null, Map.of());
    }

    @POST
    @Path("targets")
    @RolesAllowed(Roles.OFFICER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addTarget(
            @PathParam("id") long id,
            @RestForm String kind,
            @RestForm String value,
            @RestForm String note,
            @RestForm String readEveryMinutes) {
        FormInput input = new FormInput();
        Integer minutes = input.number("readEveryMinutes", readEveryMinutes);
        WatchTargetRequest request = new WatchTargetRequest(
                input.choice(WatchTargetKind.class, "kind", kind),
                FormInput.text(value),
                FormInput.text(note),
                minutes == null ? null : minutes * 60);
        ConsoleForms.Submitted<WatchTarget> added =
                forms.submit(input, request, () -> targets.add(user.name(), id, request));
        FormErrors errors =
                added.errors().moved("readEverySeconds", "readEveryMinutes", "must be 1 to 10,080 minutes (a week)");
        return respond(
                id,
                errors,
                added.ok() ? "Watching " + request.value() + "." : null,
                added.ok()
                        ? Map.of()
                        : ConsoleForms.typed(
                                "kind", kind, "value", value, "note", note, "readEveryMinutes", readEveryMinutes));
    }

    @POST
    @Path("targets/{targetId}/remove")
    @RolesAllowed(Roles.OFFICER)
    public Response removeTarget(@PathParam("id") long id, @PathParam("targetId") long targetId) {
        return done(
                id,
                forms.act(() -> {
                    targets.remove(user.name(), id, targetId);
                    return null;
                }),
                "No longer watched.");
    }

    @POST
    @Path("rules")
    @RolesAllowed(Roles.OFFICER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addRule(
            @PathParam("id") long id,
            @RestForm String ruleKind,
            @RestForm String pattern,
            @RestForm String reactWithNotice) {
        FormInput input = new FormInput();
        Integer notice = input.number("reactWithNotice", reactWithNotice);
        WatchRuleRequest request = new WatchRuleRequest(
                input.choice(WatchRule.Kind.class, "kind", ruleKind),
                FormInput.text(pattern),
                notice == null ? null : notice.longValue(),
                false);
        ConsoleForms.Submitted<WatchRule> added =
                forms.submit(input, request, () -> rules.add(user.name(), id, request));
        return respond(
                id,
                added.errors(),
                added.ok() ? "Rule added." : null,
                added.ok() ? Map.of() : ConsoleForms.typed("ruleKind", ruleKind, "pattern", pattern));
    }

    @POST
    @Path("rules/{ruleId}/remove")
    @RolesAllowed(Roles.OFFICER)
    public Response removeRule(@PathParam("id") long id, @PathParam("ruleId") long ruleId) {
        return done(
                id,
                forms.act(() -> {
                    rules.remove(user.name(), id, ruleId);
                    return null;
                }),
                "Rule removed.");
    }

    @POST
    @Path("candidates/{candidateId}/{decision: accept|dismiss}")
    @RolesAllowed(Roles.OFFICER)
    public Response decide(
            @PathParam("id") long id,
            @PathParam("candidateId") long candidateId,
            @PathParam("decision") String decision) {
        boolean accept = decision.equals("accept");
        return done(
                id,
                forms.act(() -> accept
                        ? discovery.accept(user.name(), id, candidateId)
                        : discovery.dismiss(user.name(), id, candidateId)),
                accept ? "Accepted: now watched." : "Dismissed.");
    }

    /** A domain's probes over time: DNS, HTTP status, title, how similar the page stayed, and the takedown's verification. */
    @GET
    @Path("targets/{targetId}/history")
    @RolesAllowed(Roles.VIEWER)
    public TemplateInstance history(@PathParam("id") long id, @PathParam("targetId") long targetId) {
        return Templates.domainHistory(
                operations.get(id),
                targets.get(id, targetId),
                targets.history(id, targetId).page(0, LATEST).list());
    }

    /** A capture's WARC file, to download (never rendered: captured pages are hostile). */
    @GET
    @Path("captures/{captureId}.warc.gz")
    @RolesAllowed(Roles.VIEWER)
    @Produces("application/warc")
    public Response warc(@PathParam("id") long id, @PathParam("captureId") long captureId) {
        Capture capture = evidence.get(id, captureId);
        return Response.ok(capture.warc, "application/warc")
                .header("Content-Disposition", "attachment; filename=\"" + capture.fileName() + "\"")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .build();
    }

    private Response done(long id, ConsoleForms.Submitted<?> outcome, String saved) {
        return respond(id, outcome.errors(), outcome.ok() ? saved : null, Map.of());
    }

    private Response respond(long id, FormErrors errors, String saved, Map<String, String> typed) {
        return FormAnswer.of(render(id, errors, saved, typed), errors, false);
    }

    private TemplateInstance render(long id, FormErrors errors, String saved, Map<String, String> typed) {
        Operation op = operations.get(id);
        List<TargetLine> lines = targets.list(id, null).list().stream()
                .map(t -> new TargetLine(
                        t,
                        t.kind == WatchTargetKind.DOMAIN
                                ? targets.history(id, t.id).firstResult()
                                : null))
                .toList();
        return Templates.watch(
                op,
                lines,
                rules.list(id).list(),
                sightings.list(id, null, null).page(0, LATEST).list(),
                newestCaptures(id),
                discovery
                        .list(id, DiscoveryCandidate.Status.NEW)
                        .page(0, LATEST)
                        .list(),
                notices.list(id).list(),
                user.mayEdit(op),
                errors,
                saved,
                typed);
    }

    /** The latest captures, newest first (the evidence list is in capture order, as the export bundle is). */
    private List<Capture> newestCaptures(long id) {
        var all = evidence.list(id);
        long total = all.count();
        if (total == 0) {
            return List.of();
        }
        List<Capture> latest = new java.util.ArrayList<>(
                all.range((int) Math.max(0, total - LATEST), (int) total - 1).list());
        java.util.Collections.reverse(latest);
        return latest;
    }
}
