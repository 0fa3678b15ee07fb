package org.takedown.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.takedown.notice.NoticeOverflow;
import org.takedown.notice.NoticeRequest;
import org.takedown.notice.NoticeSchedule;

/**
 * A notice as typed in the console: title, default language, up to {@link #ROWS} language rows (code and text), how a
 * long text is handled, pin/silent, and an optional schedule (once at a local time, or a Quartz cron).
 */
public class NoticeForm {

    static final int ROWS = 3;

    @RestForm
    public String title;
    @RestForm
    public String defaultLanguage;
    @RestForm
    public String language0;
    @RestForm
    public String text0;
    @RestForm
    public String language1;
    @RestForm
    public String text1;
    @RestForm
    public String language2;
    @RestForm
    public String text2;
    @RestForm
    public String overflow;
    @RestForm
    public boolean pin;
    @RestForm
    public boolean silent;
    @RestForm("schedule.at")
    public String scheduleAt;
    @RestForm("schedule.cron")
    public String cron;

    /** One language of the notice, with the problem Telegram or the checks found in it. */
    public record Row(int index, String language, String text, String error) {
    }

    static NoticeForm blank() {
        NoticeForm form = new NoticeForm();
        form.defaultLanguage = "en";
        form.language0 = "en";
        form.overflow = NoticeOverflow.REFUSE.name();
        return form;
    }

    /** The filled language rows, language code to text, in the order typed. */
    Map<String, String> texts() {
        Map<String, String> texts = new LinkedHashMap<>();
        String[][] rows = {{language0, text0}, {language1, text1}, {language2, text2}};
        for (String[] row : rows) {
            String language = FormInput.text(row[0]);
            if (language != null || FormInput.text(row[1]) != null) {
                texts.put(language == null ? "" : language, row[1] == null ? "" : row[1]);
            }
        }
        return texts;
    }

    NoticeRequest toRequest(FormInput input) {
        NoticeSchedule schedule = FormInput.text(scheduleAt) == null && FormInput.text(cron) == null ? null
                : new NoticeSchedule(input.dateTime("schedule.at", scheduleAt), FormInput.text(cron), null, null, null);
        return new NoticeRequest(FormInput.text(title), FormInput.text(defaultLanguage), texts(), pin, true, null,
                input.choice(NoticeOverflow.class, "overflow", overflow), silent, schedule);
    }

    /** The rows to show (always {@link #ROWS}, blank ones to fill), each with its error. */
    public List<Row> rows(FormErrors errors) {
        String[][] rows = {{language0, text0}, {language1, text1}, {language2, text2}};
        List<Row> result = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            String language = rows[i][0] == null ? "" : rows[i][0].strip();
            String error = errors.of("texts[" + language + "]");
            if (error == null && i == 0) {
                error = errors.of("texts");
            }
            result.add(new Row(i, language, rows[i][1], error));
        }
        return result;
    }

    public NoticeOverflow[] overflows() {
        return NoticeOverflow.values();
    }
}
