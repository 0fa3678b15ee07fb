package org.takedown.seizure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.takedown.operation.Agency;
import org.takedown.operation.AgencyService;
import org.takedown.operation.LocalTimes;
import org.takedown.operation.Operation;

/** An operation's banner as the renderer takes it: its agencies and authority, with the saved texts or a draft's. */
@ApplicationScoped
class OperationBanners {

    @Inject
    AgencyService agencies;

    @Inject
    BannerService banners;

    /** The banner as saved (what the snapshot serves once approved). */
    OperationBanner saved(Operation operation) {
        BannerContent content = banners.content(operation.id).orElse(null);
        Map<String, OperationBanner.Texts> texts = new HashMap<>();
        if (content != null) {
            content.texts.forEach((lang, t) -> texts.put(
                    lang,
                    new OperationBanner.Texts(
                            t.headline, t.authorityStatement, t.message, t.ctaLabel, t.countdownLabel)));
        }
        List<OperationBanner.Stage> stages = banners.stages(operation.id).stream()
                .map(stage -> {
                    Map<String, OperationBanner.StageText> stageTexts = new HashMap<>();
                    stage.texts.forEach(
                            (lang, t) -> stageTexts.put(lang, new OperationBanner.StageText(t.title, t.body)));
                    return new OperationBanner.Stage(stage.revealAt, Map.copyOf(stageTexts));
                })
                .toList();
        return new OperationBanner(
                operation.id,
                operation.name,
                operation.timezone,
                authority(operation),
                agencies(operation),
                content == null ? "en" : content.defaultLanguage,
                texts,
                content == null ? null : content.ctaUrl,
                content == null ? null : content.ctaEmail,
                stages,
                content == null ? VisitLogMode.NONE : content.visitLog);
    }

    /** The banner as an officer is typing it, not saved: for the console's preview. */
    OperationBanner draft(Operation operation, BannerRequest draft) {
        Map<String, OperationBanner.Texts> texts = new HashMap<>();
        draft.texts()
                .forEach((lang, t) -> texts.put(
                        lang,
                        new OperationBanner.Texts(
                                t.headline(),
                                t.authorityStatement(),
                                t.message(),
                                t.callToActionLabel(),
                                t.countdownLabel())));
        List<OperationBanner.Stage> stages = draft.stages() == null
                ? List.of()
                : draft.stages().stream()
                        .map(stage -> {
                            Map<String, OperationBanner.StageText> stageTexts = new HashMap<>();
                            stage.texts()
                                    .forEach((lang, t) ->
                                            stageTexts.put(lang, new OperationBanner.StageText(t.title(), t.body())));
                            return new OperationBanner.Stage(
                                    LocalTimes.toInstant(stage.revealAt(), operation.timezone), Map.copyOf(stageTexts));
                        })
                        .toList();
        BannerRequest.CallToAction cta = draft.callToAction();
        return new OperationBanner(
                operation.id,
                operation.name,
                operation.timezone,
                authority(operation),
                agencies(operation),
                draft.defaultLanguage(),
                texts,
                cta == null ? null : cta.url(),
                cta == null ? null : cta.email(),
                stages,
                draft.visitLog() == null ? VisitLogMode.NONE : draft.visitLog());
    }

    private List<OperationBanner.Agency> agencies(Operation operation) {
        List<OperationBanner.Agency> list = new ArrayList<>();
        for (Agency agency : agencies.list(operation.id).list()) {
            list.add(new OperationBanner.Agency(
                    agency.name, agency.website, agency.emblemContentType, agency.emblem, agency.emblemSha256));
        }
        return list;
    }

    private static OperationBanner.Authority authority(Operation operation) {
        return new OperationBanner.Authority(
                operation.legalAuthority.type.name(),
                operation.legalAuthority.reference,
                operation.legalAuthority.issuedBy,
                operation.legalAuthority.issuedOn);
    }
}
