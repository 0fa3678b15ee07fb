package org.takedown.seizure;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.takedown.operation.LocalTimes;
import org.takedown.operation.Operation;
import org.takedown.operation.OperationService;
import org.takedown.security.Roles;

/** The banner content of an operation: read, or replaced as a whole. */
@Path("/api/operations/{id}/banner")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BannerResource {

    @Inject
    BannerService banners;

    @Inject
    OperationService operations;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(Roles.VIEWER)
    public BannerView get(@PathParam("id") long id) {
        return view(operations.get(id));
    }

    @PUT
    @RolesAllowed(Roles.OFFICER)
    public BannerView replace(@PathParam("id") long id, @Valid @NotNull BannerRequest request) {
        banners.replace(identity.getPrincipal().getName(), id, request);
        return view(operations.get(id));
    }

    private BannerView view(Operation operation) {
        BannerContent content = banners.content(operation.id).orElse(null);
        if (content == null) {
            return new BannerView(
                    false, "en", Map.of(), null, List.of(), VisitLogMode.NONE, BannerService.DEFAULT_RETENTION_DAYS);
        }
        Map<String, BannerRequest.Texts> texts = new TreeMap<>();
        content.texts.forEach((lang, t) -> texts.put(
                lang,
                new BannerRequest.Texts(t.headline, t.authorityStatement, t.message, t.ctaLabel, t.countdownLabel)));
        List<StageView> stages = banners.stages(operation.id).stream()
                .map(s -> {
                    Map<String, BannerRequest.StageTexts> stageTexts = new TreeMap<>();
                    s.texts.forEach((lang, t) -> stageTexts.put(lang, new BannerRequest.StageTexts(t.title, t.body)));
                    return new StageView(LocalTimes.toLocal(s.revealAt, operation.timezone), s.revealAt, stageTexts);
                })
                .toList();
        BannerRequest.CallToAction cta = content.ctaUrl == null && content.ctaEmail == null
                ? null
                : new BannerRequest.CallToAction(content.ctaUrl, content.ctaEmail);
        return new BannerView(
                true, content.defaultLanguage, texts, cta, stages, content.visitLog, content.visitRetentionDays);
    }

    /** {@code configured} is false while the built-in default banner applies. */
    public record BannerView(
            boolean configured,
            String defaultLanguage,
            Map<String, BannerRequest.Texts> texts,
            BannerRequest.CallToAction callToAction,
            List<StageView> stages,
            VisitLogMode visitLog,
            int visitRetentionDays) {}

    public record StageView(LocalDateTime revealAt, Instant revealAtUtc, Map<String, BannerRequest.StageTexts> texts) {}
}
