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
 * The banner as typed: its languages (headline, authority statement, message, call-to-action and countdown labels),
 * a call to action, its staged reveals (time, title and body in the default language; other languages fall back to
 * it), and whether and how visits are logged. The form always offers one empty language and one empty stage more than
 * are filled (at least {@link #LANGUAGES} and {@link #STAGES}), up to what a banner may hold.
 */
public class BannerForm {

    static final int LANGUAGES = 3;
    static final int STAGES = 2;
    /** What a banner may hold (BannerRequest's limits). */
    static final int MAX_LANGUAGES = 30;
    static final int MAX_STAGES = 20;

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
     * Whether the saved banner fits this form: saving replaces the whole banner, so stage texts in languages other than
     * the default (which this form does not show) would be lost. Such a banner is edited through the API.
     */
    static boolean fits(BannerContent content, List<BannerStage> stages) {
        return content == null || stages.stream().allMatch(stage -> stage.texts.keySet().stream().allMatch(content.defaultLanguage::equals));
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
        for (int i = 0; i < size(language); i++) {
            String code = FormInput.text(at(language, i));
            String title = FormInput.text(at(headline, i));
            if (code == null && title == null) {
                continue;
            }
            texts.put(code == null ? "" : code, new BannerRequest.Texts(title, FormInput.text(at(authorityStatement, i)),
                    FormInput.text(at(message, i)), FormInput.text(at(callToActionLabel, i)), FormInput.text(at(countdownLabel, i))));
        }
        List<BannerRequest.Stage> stages = new ArrayList<>();
        for (int j = 0; j < size(stageRevealAt); j++) {
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

    /** The typed languages and one empty row more (at least {@link #LANGUAGES}). */
    public List<Language> languages() {
        List<Language> rows = new ArrayList<>();
        for (int i = 0; i < rowsFor(language, LANGUAGES, MAX_LANGUAGES); i++) {
            rows.add(new Language(i, at(language, i), at(headline, i), at(authorityStatement, i), at(message, i), at(callToActionLabel, i),
                    at(countdownLabel, i)));
        }
        return rows;
    }

    public List<Stage> stages() {
        List<Stage> rows = new ArrayList<>();
        int filled = 0;
        for (int j = 0; j < rowsFor(stageRevealAt, STAGES, MAX_STAGES); j++) {
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

    private static int size(List<String> values) {
        return values == null ? 0 : values.size();
    }

    /** The rows to show: every typed one, then one empty, at least {@code min} and at most {@code max}. */
    private static int rowsFor(List<String> values, int min, int max) {
        int typed = values == null ? 0 : (int) values.stream().filter(v -> v != null && !v.isBlank()).count();
        return Math.min(max, Math.max(min, Math.max(size(values), typed + 1)));
    }

    private static String at(List<String> values, int index) {
        return values == null || index >= values.size() ? null : values.get(index);
    }
}
