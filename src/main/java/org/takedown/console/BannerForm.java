package org.takedown.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.takedown.operation.LocalTimes;
import org.takedown.seizure.BannerContent;
import org.takedown.seizure.BannerRequest;
import org.takedown.seizure.BannerStage;
import org.takedown.seizure.BannerTexts;
import org.takedown.seizure.StageText;
import org.takedown.seizure.VisitLogMode;

/**
 * The banner as typed: up to {@link #LANGUAGES} languages (headline, authority statement, message, call-to-action and
 * countdown labels), a call to action, up to {@link #STAGES} staged reveals (time, title and body in the default
 * language; other languages fall back to it), and whether and how visits are logged.
 */
public class BannerForm {

    static final int LANGUAGES = 3;
    static final int STAGES = 2;

    @RestForm
    public String defaultLanguage;
    @RestForm
    public List<String> language;
    @RestForm
    public List<String> headline;
    @RestForm
    public List<String> authorityStatement;
    @RestForm
    public List<String> message;
    @RestForm
    public List<String> callToActionLabel;
    @RestForm
    public List<String> countdownLabel;
    @RestForm
    public String ctaUrl;
    @RestForm
    public String ctaEmail;
    @RestForm
    public List<String> stageRevealAt;
    @RestForm
    public List<String> stageTitle;
    @RestForm
    public List<String> stageBody;
    @RestForm
    public String visitLog;
    @RestForm
    public String visitRetentionDays;

    /** One language's texts as shown on the form. */
    public record Language(int index, String code, String headline, String authorityStatement, String message, String callToActionLabel,
            String countdownLabel) {

        /** The error of one of this language's fields, however the checks named it. */
        public String error(FormErrors errors, String field) {
            String key = code == null ? "" : code.strip();
            String named = errors.of("texts[" + key + "]." + field);
            return named != null ? named : errors.of("texts." + field + "[" + key + "]");
        }
    }

    /** One staged reveal as shown on the form. */
    public record Stage(int index, int requestIndex, String revealAt, String title, String body) {

        /** The error of this row's field; the checks count only the filled rows, as the request holds only those. */
        public String error(FormErrors errors, String field) {
            String named = errors.of("stages[" + requestIndex + "]." + field);
            return named != null ? named : errors.of("stages." + field + "[" + requestIndex + "]");
        }
    }

    /**
     * Whether the saved banner fits this form: saving replaces the whole banner, so a banner with more languages or
     * stages, or stage texts in other languages, would lose them. Such a banner is edited through the API.
     */
    static boolean fits(BannerContent content, List<BannerStage> stages) {
        return content == null || content.texts.size() <= LANGUAGES && stages.size() <= STAGES
                && stages.stream().allMatch(stage -> stage.texts.keySet().stream().allMatch(content.defaultLanguage::equals));
    }

    static BannerForm of(BannerContent content, List<BannerStage> stages, String zone) {
        BannerForm form = new BannerForm();
        form.language = new ArrayList<>();
        form.headline = new ArrayList<>();
        form.authorityStatement = new ArrayList<>();
        form.message = new ArrayList<>();
        form.callToActionLabel = new ArrayList<>();
        form.countdownLabel = new ArrayList<>();
        form.stageRevealAt = new ArrayList<>();
        form.stageTitle = new ArrayList<>();
        form.stageBody = new ArrayList<>();
        if (content == null) {
            form.defaultLanguage = "en";
            form.language.add("en");
            form.visitLog = VisitLogMode.NONE.name();
            form.visitRetentionDays = "30";
            return form;
        }
        form.defaultLanguage = content.defaultLanguage;
        content.texts.entrySet().stream().sorted((a, b) -> a.getKey().equals(content.defaultLanguage) ? -1
                : b.getKey().equals(content.defaultLanguage) ? 1 : a.getKey().compareTo(b.getKey())).forEach(e -> {
                    BannerTexts t = e.getValue();
                    form.language.add(e.getKey());
                    form.headline.add(t.headline);
                    form.authorityStatement.add(t.authorityStatement);
                    form.message.add(t.message);
                    form.callToActionLabel.add(t.ctaLabel);
                    form.countdownLabel.add(t.countdownLabel);
                });
        form.ctaUrl = content.ctaUrl;
        form.ctaEmail = content.ctaEmail;
        for (BannerStage stage : stages) {
            StageText text = stage.texts.get(content.defaultLanguage);
            form.stageRevealAt.add(LocalTimes.toLocal(stage.revealAt, zone).toString());
            form.stageTitle.add(text == null ? null : text.title);
            form.stageBody.add(text == null ? null : text.body);
        }
        form.visitLog = content.visitLog.name();
        form.visitRetentionDays = Integer.toString(content.visitRetentionDays);
        return form;
    }

    BannerRequest toRequest(FormInput input) {
        String fallback = FormInput.text(defaultLanguage);
        Map<String, BannerRequest.Texts> texts = new LinkedHashMap<>();
        for (int i = 0; i < LANGUAGES; i++) {
            String code = FormInput.text(at(language, i));
            String title = FormInput.text(at(headline, i));
            if (code == null && title == null) {
                continue;
            }
            texts.put(code == null ? "" : code, new BannerRequest.Texts(title, FormInput.text(at(authorityStatement, i)),
                    FormInput.text(at(message, i)), FormInput.text(at(callToActionLabel, i)), FormInput.text(at(countdownLabel, i))));
        }
        List<BannerRequest.Stage> stages = new ArrayList<>();
        for (int j = 0; j < STAGES; j++) {
            String revealAt = FormInput.text(at(stageRevealAt, j));
            String title = FormInput.text(at(stageTitle, j));
            if (revealAt == null && title == null) {
                continue;
            }
            Map<String, BannerRequest.StageTexts> stageTexts = new LinkedHashMap<>();
            stageTexts.put(fallback == null ? "" : fallback, new BannerRequest.StageTexts(title, FormInput.text(at(stageBody, j))));
            stages.add(new BannerRequest.Stage(input.dateTime("stages[" + stages.size() + "].revealAt", revealAt), stageTexts));
        }
        String url = FormInput.text(ctaUrl);
        String email = FormInput.text(ctaEmail);
        return new BannerRequest(fallback, texts, url == null && email == null ? null : new BannerRequest.CallToAction(url, email), stages,
                input.choice(VisitLogMode.class, "visitLog", visitLog), input.number("visitRetentionDays", visitRetentionDays));
    }

    /** Always {@link #LANGUAGES} rows, the filled ones first. */
    public List<Language> languages() {
        List<Language> rows = new ArrayList<>();
        for (int i = 0; i < LANGUAGES; i++) {
            rows.add(new Language(i, at(language, i), at(headline, i), at(authorityStatement, i), at(message, i), at(callToActionLabel, i),
                    at(countdownLabel, i)));
        }
        return rows;
    }

    public List<Stage> stages() {
        List<Stage> rows = new ArrayList<>();
        int filled = 0;
        for (int j = 0; j < STAGES; j++) {
            rows.add(new Stage(j, filled, at(stageRevealAt, j), at(stageTitle, j), at(stageBody, j)));
            if (FormInput.text(at(stageRevealAt, j)) != null || FormInput.text(at(stageTitle, j)) != null) {
                filled++;
            }
        }
        return rows;
    }

    public VisitLogMode[] visitLogModes() {
        return VisitLogMode.values();
    }

    private static String at(List<String> values, int index) {
        return values == null || index >= values.size() ? null : values.get(index);
    }
}
