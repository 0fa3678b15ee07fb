package org.takedown.console;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.resteasy.reactive.RestForm;
import org.takedown.notice.Notice;
import org.takedown.notice.NoticeOverflow;
import org.takedown.notice.NoticeRequest;
import org.takedown.notice.NoticeSchedule;
import org.takedown.notice.TelegramTarget;
import org.takedown.operation.LocalTimes;

/**
 * A notice as typed in the console: title, default language, its languages (code and text; the form offers one empty
 * row more than are filled, at least {@link #ROWS}), how a long text is handled, pin/silent, its audience (every target,
 * or the chosen ones), and an optional schedule (once at a local time, or a Quartz cron with an optional daily window)
 * with how late a firing may still be sent. Everything a notice holds but its image, so editing one loses nothing.
 */
public class NoticeForm {

    static final int ROWS = 3;
    /** What a notice may hold (NoticeRequest's limit). */
    static final int MAX_ROWS = 30;

    static final String ALL_TARGETS = "ALL";
    static final String CHOSEN_TARGETS = "CHOSEN";

    @RestForm
    public String title;

    @RestForm
    public String defaultLanguage;

    @RestForm
    public List<String> language;

    @RestForm
    public List<String> text;

    @RestForm
    public String overflow;

    @RestForm
    public boolean pin;

    @RestForm
    public boolean silent;

    @RestForm
    public String audience;

    @RestForm
    public List<String> targetId;

    @RestForm("schedule.at")
    public String scheduleAt;

    @RestForm("schedule.cron")
    public String cron;

    @RestForm("schedule.windowStart")
    public String windowStart;

    @RestForm("schedule.windowEnd")
    public String windowEnd;

    @RestForm("schedule.maxLateness")
    public String maxLatenessSeconds;

    /** One language of the notice, with the problem Telegram or the checks found in it. */
    public record Row(int index, String language, String text, String error) {}

    /** A target the notice may be sent to, and whether it is chosen. */
    public record Choice(long id, String name, boolean chosen) {}

    static NoticeForm blank() {
        NoticeForm form = new NoticeForm();
        form.defaultLanguage = "en";
        form.language = new ArrayList<>(List.of("en"));
        form.overflow = NoticeOverflow.REFUSE.name();
        form.audience = ALL_TARGETS;
        return form;
    }

    /** The saved notice, to edit. */
    static NoticeForm of(Notice notice, String zone) {
        NoticeForm form = new NoticeForm();
        form.title = notice.title;
        form.defaultLanguage = notice.defaultLanguage;
        form.language = new ArrayList<>();
        form.text = new ArrayList<>();
        Map<String, String> texts = new TreeMap<>(notice.texts);
        form.language.add(notice.defaultLanguage);
        form.text.add(texts.remove(notice.defaultLanguage));
        texts.forEach((lang, text) -> {
            form.language.add(lang);
            form.text.add(text);
        });
        form.overflow = notice.overflow.name();
        form.pin = notice.pin;
        form.silent = notice.silent;
        form.audience = notice.allTargets ? ALL_TARGETS : CHOSEN_TARGETS;
        form.targetId = notice.targetIds.stream().sorted().map(String::valueOf).toList();
        form.scheduleAt = notice.sendAt == null
                ? null
                : LocalTimes.toLocal(notice.sendAt, zone).toString();
        form.cron = notice.cron;
        form.windowStart = notice.windowStart == null ? null : notice.windowStart.toString();
        form.windowEnd = notice.windowEnd == null ? null : notice.windowEnd.toString();
        form.maxLatenessSeconds = notice.scheduled() ? Long.toString(notice.maxLatenessSeconds) : null;
        return form;
    }

    /** The filled language rows, language code to text, in the order typed. */
    Map<String, String> texts() {
        Map<String, String> texts = new LinkedHashMap<>();
        for (int i = 0; i < FormInput.size(language); i++) {
            String code = FormInput.text(FormInput.at(language, i));
            String typed = FormInput.at(text, i);
            if (code != null || FormInput.text(typed) != null) {
                texts.put(code == null ? "" : code, typed == null ? "" : typed);
            }
        }
        return texts;
    }

    NoticeRequest toRequest(FormInput input) {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < FormInput.size(language); i++) {
            String code = FormInput.text(FormInput.at(language, i));
            if (code != null && !codes.add(code)) {
                input.refuse("texts[" + code + "]", "is given twice");
            }
        }
        boolean chosen = CHOSEN_TARGETS.equals(audience);
        List<Long> targets = new ArrayList<>();
        for (String id : targetId == null ? List.<String>of() : targetId) {
            Long parsed = input.id("targetIds", id);
            if (parsed != null) {
                targets.add(parsed);
            }
        }
        return new NoticeRequest(
                FormInput.text(title),
                FormInput.text(defaultLanguage),
                texts(),
                pin,
                !chosen,
                chosen ? targets : null,
                input.choice(NoticeOverflow.class, "overflow", overflow),
                silent,
                schedule(input));
    }

    private NoticeSchedule schedule(FormInput input) {
        if (FormInput.text(scheduleAt) == null
                && FormInput.text(cron) == null
                && FormInput.text(windowStart) == null
                && FormInput.text(windowEnd) == null) {
            if (FormInput.text(maxLatenessSeconds) != null) {
                input.refuse("schedule.maxLateness", "applies to a schedule: give a time or a cron, or leave it empty");
            }
            return null;
        }
        Integer lateness = input.number("schedule.maxLateness", maxLatenessSeconds);
        return new NoticeSchedule(
                input.dateTime("schedule.at", scheduleAt),
                FormInput.text(cron),
                input.time("schedule.windowStart", windowStart),
                input.time("schedule.windowEnd", windowEnd),
                lateness == null ? null : Duration.ofSeconds(lateness));
    }

    /** The typed rows and one empty row more (at least {@link #ROWS}), each with its error. */
    public List<Row> rows(FormErrors errors) {
        List<Row> result = new ArrayList<>();
        for (int i = 0; i < FormInput.rowsToShow(language, ROWS, MAX_ROWS); i++) {
            String code = FormInput.at(language, i) == null
                    ? ""
                    : FormInput.at(language, i).strip();
            String error = errors.ofLanguage("texts", code, "");
            if (error == null && i == 0) {
                error = errors.of("texts");
            }
            result.add(new Row(i, code, FormInput.at(text, i), error));
        }
        return result;
    }

    /** The operation's targets, the chosen ones marked. */
    public List<Choice> choices(List<TelegramTarget> targets) {
        Set<String> ids = targetId == null ? Set.of() : Set.copyOf(targetId);
        return targets.stream()
                .map(t -> {
                    String title = t.chatTitle != null ? t.chatTitle : t.title;
                    return new Choice(
                            t.id,
                            title == null ? t.chat() : t.chat() + " — " + title,
                            ids.contains(Long.toString(t.id)));
                })
                .toList();
    }

    public boolean allTargets() {
        return !CHOSEN_TARGETS.equals(audience);
    }

    public NoticeOverflow[] overflows() {
        return NoticeOverflow.values();
    }
}
