package org.takedown.console;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.takedown.common.Problem;

/**
 * Turns a form's text fields into the typed values of a request record. A field that cannot be read (a date that is
 * not one, an unknown choice) is noted by name and left null, so the officer sees every problem at once.
 */
final class FormInput {

    private final List<Problem.FieldError> errors = new ArrayList<>();

    static String text(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    LocalDate date(String field, String raw) {
        String value = text(raw);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, "must be a date such as 2026-11-30"));
            return null;
        }
    }

    /** A {@code datetime-local} field: {@code 2026-11-30T09:30}, seconds optional. */
    LocalDateTime dateTime(String field, String raw) {
        String value = text(raw);
        try {
            return value == null ? null : LocalDateTime.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, "must be a date and time such as 2026-11-30T09:30"));
            return null;
        }
    }

    <E extends Enum<E>> E choice(Class<E> type, String field, String raw) {
        String value = text(raw);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(field, "is not one of the choices offered"));
            return null;
        }
    }

    Integer number(String field, String raw) {
        String value = text(raw);
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            errors.add(new Problem.FieldError(field, "must be a whole number"));
            return null;
        }
    }

    /** A field whose value reads but does not make sense on this form. */
    void refuse(String field, String message) {
        errors.add(new Problem.FieldError(field, message));
    }

    List<Problem.FieldError> errors() {
        return List.copyOf(errors);
    }
}
