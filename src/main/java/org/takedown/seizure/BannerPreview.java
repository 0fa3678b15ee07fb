package org.takedown.seizure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.takedown.operation.Operation;
import org.takedown.operation.OperationService;

/**
 * The banner of an operation as the real renderer makes it, for officers to see before it is public: from a draft
 * being typed (nothing saved) or from the saved content, in one language and at one stage. Emblems are inlined as data
 * URIs and the page's own assets point at {@code assetBase}, because the preview is shown on the officer host, where
 * {@code /.seized/} does not exist.
 */
@ApplicationScoped
public class BannerPreview {

    /** The rendered page and what the officer may switch between. */
    public record Page(String html, List<String> languages, int stages) {}

    @Inject
    OperationService operations;

    @Inject
    OperationBanners banners;

    @Inject
    SeizedDomainService domains;

    @Inject
    BannerRenderer renderer;

    @Inject
    BannerTemplates templates;

    @Inject
    Clock clock;

    /** {@code draft} null: the saved banner. {@code stage} -1: the stage due now. */
    public Page render(long operationId, BannerRequest draft, String language, int stage, String assetBase) {
        Operation operation = operations.get(operationId);
        OperationBanner banner = draft == null ? banners.saved(operation) : banners.draft(operation, draft);
        Instant now = clock.instant();
        String host = domains.ofOperation(operationId).stream()
                .findFirst()
                .map(d -> d.hostname)
                .orElse("seized-domain.example");
        LiveHost preview = new LiveHost(
                host, 0, null, null, false, null, LocalDate.now(clock.withZone(ZoneId.of(operation.timezone))), banner);
        String chosen = Optional.ofNullable(language)
                .filter(banner.languages()::contains)
                .orElse(banner.defaultLanguage);
        int stages = banner.stages.size();
        int shown = stage < 0 ? banner.stageAt(now) : Math.min(stage, stages);
        String html =
                new String(renderer.render(banner, preview, chosen, shown, now).html(), StandardCharsets.UTF_8);
        for (OperationBanner.Agency agency : banner.agencies) {
            if (agency.emblem() != null) {
                html = html.replace(
                        BannerRenderer.ASSET_PREFIX + agency.emblemPath(),
                        "data:" + agency.emblemType() + ";base64,"
                                + Base64.getEncoder().encodeToString(agency.emblem()));
            }
        }
        return new Page(html.replace(BannerRenderer.ASSET_PREFIX, assetBase), banner.languages(), stages);
    }

    /** The banner's stylesheet and script as the template directory has them (public: the same for every banner). */
    public Optional<BannerTemplates.Asset> asset(String name) {
        return BannerTemplates.ASSETS.containsKey(name) ? Optional.of(templates.asset(name)) : Optional.empty();
    }
}
