package org.takedown.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.takedown.common.LanguageTag;
import org.takedown.common.Problem;

/**
 * What was wrong with a submitted console form: a message per field (shown next to it, by the same field names as
 * the API's problem documents) and one for the form as a whole.
 */
public record FormErrors(Map<String, String> fields, String general) {

    public static final FormErrors NONE = new FormErrors(Map.of(), null);

    static FormErrors of(List<Problem.FieldError> errors, String general) {
        Map<String, String> fields = new LinkedHashMap<>();
        errors.forEach(e -> fields.merge(e.field(), e.message(), (a, b) -> a + "; " + b));
        return new FormErrors(fields, general);
    }

    /** The same errors with one field's error shown at another field of the form, in the form's own words. */
    FormErrors moved(String from, String to, String message) {
        if (!fields.containsKey(from)) {
            return this;
        }
        Map<String, String> moved = new LinkedHashMap<>(fields);
        moved.remove(from);
        moved.put(to, message);
        return new FormErrors(moved, general);
    }

    public boolean any() {
        return general != null || !fields.isEmpty();
    }

    /** The message for this field, or null. */
    public String of(String field) {
        return fields.get(field);
    }

    /**
     * The message for a field under a language key ({@code texts[en].headline}), found by the code as typed or in the
     * canonical form the service names it by ({@code EN} is {@code en}).
     */
    public String ofLanguage(String prefix, String code, String suffix) {
        String typed = code == null ? "" : code.strip();
        String message = fields.get(prefix + "[" + typed + "]" + suffix);
        return message != null || typed.isEmpty()
                ? message
                : fields.get(prefix + "[" + LanguageTag.Check.canonical(typed) + "]" + suffix);
    }

    /** The message for one row's field ({@code password-alice}), or null. */
    public String at(String field, String row) {
        return fields.get(field + "-" + row);
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }
}
