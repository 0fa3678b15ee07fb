package org.takedown.seizure;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.takedown.common.LanguageTag;
import org.takedown.common.ProblemException;
import org.takedown.operation.LocalTimes;
import org.takedown.operation.Operation;
import org.takedown.operation.OperationService;
import org.takedown.operation.PublicContentSection;

/**
 * Banner content of an operation. Part of the approved content — including the visit-log policy, because
 * logging visitors' addresses is itself something the second officer must approve.
 */
@ApplicationScoped
public class BannerService implements PublicContentSection {

    static final String ENTITY = "banner";
    static final int DEFAULT_RETENTION_DAYS = 30;

    @Inject
    OperationService operations;

    public Optional<BannerContent> content(long operationId) {
        return BannerContent.findByIdOptional(operationId);
    }

    public List<BannerStage> stages(long operationId) {
        return BannerStage.list("operationId", Sort.by("revealAt").and("stageOrder"), operationId);
    }

    @Transactional
    public BannerContent replace(String actor, long operationId, BannerRequest request) {
        Operation operation = operations.lockForEdit(operationId);
        String defaultLanguage = LanguageTag.Check.canonical(request.defaultLanguage());
        Map<String, BannerTexts> texts = canonicalTexts(request.texts(), "texts");
        if (!texts.containsKey(defaultLanguage)) {
            throw ProblemException.invalidField(400, "defaultLanguage", "must be one of the languages in texts");
        }
        BannerContent content = BannerContent.<BannerContent>findByIdOptional(operationId)
                .orElseGet(() -> {
                    BannerContent fresh = new BannerContent();
                    fresh.operationId = operationId;
                    return fresh;
                });
        content.defaultLanguage = defaultLanguage;
        content.texts.clear();
        content.texts.putAll(texts);
        content.ctaUrl =
                request.callToAction() == null ? null : request.callToAction().url();
        content.ctaEmail =
                request.callToAction() == null ? null : request.callToAction().email();
        content.visitLog = request.visitLog() == null ? VisitLogMode.NONE : request.visitLog();
        content.visitRetentionDays =
                request.visitRetentionDays() == null ? DEFAULT_RETENTION_DAYS : request.visitRetentionDays();
        content.persist();
        BannerStage.delete("operationId", operationId);
        List<BannerRequest.Stage> stages = request.stages() == null ? List.of() : request.stages();
        for (int i = 0; i < stages.size(); i++) {
            BannerStage stage = new BannerStage();
            stage.operationId = operationId;
            stage.stageOrder = i;
            stage.revealAt = LocalTimes.toInstant(stages.get(i).revealAt(), operation.timezone);
            stages.get(i).texts().forEach((lang, t) -> {
                StageText text = new StageText();
                text.title = t.title();
                text.body = t.body();
                if (stage.texts.put(LanguageTag.Check.canonical(lang), text) != null) {
                    throw ProblemException.invalidField(
                            400, "stages[" + stage.stageOrder + "].texts", "language " + lang + " is given twice");
                }
            });
            if (!stage.texts.containsKey(defaultLanguage)) {
                throw ProblemException.invalidField(
                        400, "stages[" + i + "].texts", "must include the default language " + defaultLanguage);
            }
            stage.persist();
        }
        operations.recordEdit(
                operation,
                actor,
                "BANNER_UPDATED",
                ENTITY,
                operationId,
                Map.of(
                        "languages",
                        List.copyOf(texts.keySet()),
                        "stages",
                        stages.size(),
                        "visitLog",
                        content.visitLog));
        return content;
    }

    @Override
    public String name() {
        return "banner";
    }

    record TextsPart(
            String headline, String authorityStatement, String message, String ctaLabel, String countdownLabel) {}

    record StagePart(Instant revealAt, Map<String, List<String>> texts) {}

    record BannerPart(
            String defaultLanguage,
            Map<String, TextsPart> texts,
            String ctaUrl,
            String ctaEmail,
            VisitLogMode visitLog,
            int visitRetentionDays,
            List<StagePart> stages) {}

    @Override
    public Object snapshot(long operationId) {
        return content(operationId)
                .map(c -> {
                    Map<String, TextsPart> texts = new TreeMap<>();
                    c.texts.forEach((lang, t) -> texts.put(
                            lang,
                            new TextsPart(t.headline, t.authorityStatement, t.message, t.ctaLabel, t.countdownLabel)));
                    List<StagePart> stages = stages(operationId).stream()
                            .map(s -> {
                                Map<String, List<String>> stageTexts = new TreeMap<>();
                                s.texts.forEach(
                                        (lang, t) -> stageTexts.put(lang, java.util.Arrays.asList(t.title, t.body)));
                                return new StagePart(s.revealAt, stageTexts);
                            })
                            .toList();
                    return new BannerPart(
                            c.defaultLanguage, texts, c.ctaUrl, c.ctaEmail, c.visitLog, c.visitRetentionDays, stages);
                })
                .orElse(null);
    }

    private static Map<String, BannerTexts> canonicalTexts(Map<String, BannerRequest.Texts> input, String field) {
        Map<String, BannerTexts> texts = new TreeMap<>();
        input.forEach((lang, t) -> {
            BannerTexts part = new BannerTexts();
            part.headline = t.headline();
            part.authorityStatement = t.authorityStatement();
            part.message = t.message();
            part.ctaLabel = t.callToActionLabel();
            part.countdownLabel = t.countdownLabel();
            if (texts.put(LanguageTag.Check.canonical(lang), part) != null) {
                throw ProblemException.invalidField(400, field, "language " + lang + " is given twice");
            }
        });
        return texts;
    }
}
