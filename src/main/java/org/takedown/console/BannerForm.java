package org.takedown.console;

import static org.takedown.console.FormInput.at;
import static org.takedown.console.FormInput.rowsToShow;
import static org.takedown.console.FormInput.size;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
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
 * a call to action, its staged reveals (time, title and body in the default language), the stages' texts in other
 * languages (a language without one falls back to the default), and whether and how visits are logged. The form
 * always offers one empty row more than are filled (at least {@link #LANGUAGES} languages and {@link #STAGES} stages),
 * up to what a banner may hold, so every banner the API accepts can be edited here without losing anything.
 */
public class BannerForm {

    static final int LANGUAGES = 3;
    static final int STAGES = 2;
    /** What a banner may hold (BannerRequest's limits). */
    static final int MAX_LANGUAGES = 30;

    static final int MAX_STAGES = 20;
    static final int MAX_STAGE_TRANSLATIONS = MAX_STAGES * (MAX_LANGUAGES - 1);

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
    public List<String> translationStage;

    @RestForm
    public List<String> translationLanguage;

    @RestForm
    public List<String> translationTitle;

    @RestForm
    public List<String> translationBody;

    @RestForm
    public String visitLog;

    @RestForm
    public String visitRetentionDays;

    /** One language's texts as shown on the form. */
    public record Language(
            int index,
            String code,
            String headline,
            String authorityStatement,
            String message,
            String callToActionLabel,
            String countdownLabel) {

        /** The error of one of this language's fields, or of its code when {@code field} is empty. */
        public String error(FormErrors errors, String field) {
            return errors.ofLanguage("texts", code, field.isEmpty() ? "" : "." + field);
        }
    }

    /** One staged reveal as shown on the form, with its texts in the default language ({@code language}). */
    public record Stage(int index, int requestIndex, String language, String revealAt, String title, String body) {

        /** The error of this row's field; the checks count only the filled rows, as the request holds only those. */
        public String error(FormErrors errors, String field) {
            String stage = "stages[" + requestIndex + "]";
            String own = errors.of(stage + "." + field);
            return own != null ? own : errors.of(stage + ".texts[" + language + "]." + field);
        }

        /** Whether the row holds a stage (empty rows are left out of the banner). */
        public boolean filled() {
            return FormInput.text(revealAt) != null || FormInput.text(title) != null;
        }
    }

    /**
     * One stage's title and text in a language other than the default, as shown on the form: {@code stage} is the
     * stage's number on the form (1 for the first row).
     */
    public record Translation(int index, String stage, String language, String title, String body) {

        /** The error of this row's field: the form's own checks name the row, the request's name the stage and language. */
        public String error(FormErrors errors, List<Stage> stages, String field) {
            String own = errors.of(field(index, field));
            if (own != null || "stage".equals(field)) {
                return own;
            }
            String suffix = "language".equals(field) ? "" : "." + field;
            return stages.stream()
                    .filter(s ->
                            s.filled() && Integer.toString(s.index() + 1).equals(stage == null ? null : stage.strip()))
                    .findFirst()
                    .map(s -> errors.ofLanguage("stages[" + s.requestIndex() + "].texts", language, suffix))
                    .orElse(null);
        }

        static String field(int index, String field) {
            return "translations[" + index + "]." + field;
        }
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
        form.translationStage = new ArrayList<>();
        form.translationLanguage = new ArrayList<>();
        form.translationTitle = new ArrayList<>();
        form.translationBody = new ArrayList<>();
        if (content == null) {
            form.defaultLanguage = "en";
            form.language.add("en");
            form.visitLog = VisitLogMode.NONE.name();
            form.visitRetentionDays = "30";
            return form;
        }
        form.defaultLanguage = content.defaultLanguage;
        content.texts.entrySet().stream()
                .sorted((a, b) -> a.getKey().equals(content.defaultLanguage)
                        ? -1
                        : b.getKey().equals(content.defaultLanguage)
                                ? 1
                                : a.getKey().compareTo(b.getKey()))
                .forEach(e -> {
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
            String number = Integer.toString(form.stageRevealAt.size());
            new TreeMap<>(stage.texts).forEach((lang, translated) -> {
                if (!lang.equals(content.defaultLanguage)) {
                    form.translationStage.add(number);
                    form.translationLanguage.add(lang);
                    form.translationTitle.add(translated.title);
                    form.translationBody.add(translated.body);
                }
            });
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
            String key = code == null ? "" : code;
            if (texts.containsKey(key)) {
                input.refuse("texts[" + key + "]", "is given twice");
                continue;
            }
            texts.put(
                    key,
                    new BannerRequest.Texts(
                            title,
                            FormInput.text(at(authorityStatement, i)),
                            FormInput.text(at(message, i)),
                            FormInput.text(at(callToActionLabel, i)),
                            FormInput.text(at(countdownLabel, i))));
        }
        List<BannerRequest.Stage> stages = new ArrayList<>();
        Map<String, Map<String, BannerRequest.StageTexts>> stageTextsByNumber = new LinkedHashMap<>();
        for (int j = 0; j < size(stageRevealAt); j++) {
            String revealAt = FormInput.text(at(stageRevealAt, j));
            String title = FormInput.text(at(stageTitle, j));
            if (revealAt == null && title == null) {
                continue;
            }
            Map<String, BannerRequest.StageTexts> stageTexts = new LinkedHashMap<>();
            stageTexts.put(
                    fallback == null ? "" : fallback,
                    new BannerRequest.StageTexts(title, FormInput.text(at(stageBody, j))));
            stageTextsByNumber.put(Integer.toString(j + 1), stageTexts);
            stages.add(new BannerRequest.Stage(
                    input.dateTime("stages[" + stages.size() + "].revealAt", revealAt), stageTexts));
        }
        addTranslations(input, fallback, stageTextsByNumber);
        String url = FormInput.text(ctaUrl);
        String email = FormInput.text(ctaEmail);
        return new BannerRequest(
                fallback,
                texts,
                url == null && email == null ? null : new BannerRequest.CallToAction(url, email),
                stages,
                input.choice(VisitLogMode.class, "visitLog", visitLog),
                input.number("visitRetentionDays", visitRetentionDays));
    }

    /** Each translation row into the texts of the stage it names, refusing rows that name no stage or repeat one. */
    private void addTranslations(
            FormInput input, String defaultLanguage, Map<String, Map<String, BannerRequest.StageTexts>> stageTexts) {
        for (int k = 0; k < size(translationLanguage); k++) {
            String stage = FormInput.text(at(translationStage, k));
            String lang = FormInput.text(at(translationLanguage, k));
            String title = FormInput.text(at(translationTitle, k));
            String body = FormInput.text(at(translationBody, k));
            if (stage == null && lang == null && title == null && body == null) {
                continue;
            }
            Map<String, BannerRequest.StageTexts> texts = stage == null ? null : stageTexts.get(stage);
            if (texts == null) {
                input.refuse(
                        Translation.field(k, "stage"),
                        "must be the number of a stage above that has a time or a title");
            } else if (lang == null) {
                input.refuse(Translation.field(k, "language"), "must be given");
            } else if (lang.equals(defaultLanguage)) {
                input.refuse(
                        Translation.field(k, "language"),
                        "is the default language: its texts are the stage's own, above");
            } else if (texts.putIfAbsent(lang, new BannerRequest.StageTexts(title, body)) != null) {
                input.refuse(Translation.field(k, "language"), "this stage already has texts in " + lang);
            }
        }
    }

    /** The typed languages and one empty row more (at least {@link #LANGUAGES}). */
    public List<Language> languages() {
        List<Language> rows = new ArrayList<>();
        for (int i = 0; i < rowsToShow(language, LANGUAGES, MAX_LANGUAGES); i++) {
            rows.add(new Language(
                    i,
                    at(language, i),
                    at(headline, i),
                    at(authorityStatement, i),
                    at(message, i),
                    at(callToActionLabel, i),
                    at(countdownLabel, i)));
        }
        return rows;
    }

    public List<Stage> stages() {
        List<Stage> rows = new ArrayList<>();
        int filled = 0;
        for (int j = 0; j < rowsToShow(stageRevealAt, STAGES, MAX_STAGES); j++) {
            rows.add(new Stage(
                    j,
                    filled,
                    Objects.requireNonNullElse(FormInput.text(defaultLanguage), ""),
                    at(stageRevealAt, j),
                    at(stageTitle, j),
                    at(stageBody, j)));
            if (rows.get(j).filled()) {
                filled++;
            }
        }
        return rows;
    }

    /** The typed stage texts in other languages and one empty row more. */
    public List<Translation> translations() {
        List<Translation> rows = new ArrayList<>();
        for (int k = 0; k < rowsToShow(translationLanguage, 1, MAX_STAGE_TRANSLATIONS); k++) {
            rows.add(new Translation(
                    k,
                    at(translationStage, k),
                    at(translationLanguage, k),
                    at(translationTitle, k),
                    at(translationBody, k)));
        }
        return rows;
    }

    /** The stages the banner will have (the filled rows), for the preview's choice of stage. */
    public long filledStages() {
        return stages().stream().filter(Stage::filled).count();
    }

    /** The request's errors, those about a field this form names differently moved to that field. */
    static FormErrors atFields(FormErrors errors) {
        return errors.moved("callToAction.url", "ctaUrl", errors.of("callToAction.url"))
                .moved("callToAction.email", "ctaEmail", errors.of("callToAction.email"));
    }

    public VisitLogMode[] visitLogModes() {
        return VisitLogMode.values();
    }
}
