package org.takedown.console;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
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
        return read(field, raw, LocalDate::parse, "must be a date such as 2026-11-30");
    }

    /** A {@code datetime-local} field: {@code 2026-11-30T09:30}, seconds optional. */
    LocalDateTime dateTime(String field, String raw) {
        return read(field, raw, LocalDateTime::parse, "must be a date and time such as 2026-11-30T09:30");
    }

    /** A {@code time} field: {@code 09:30}. */
    LocalTime time(String field, String raw) {
        return read(field, raw, LocalTime::parse, "must be a time such as 09:30");
    }

    /** The id of something offered on the form (a chosen target). */
    Long id(String field, String raw) {
        return read(field, raw, Long::valueOf, "is not one of the choices offered");
    }

    <E extends Enum<E>> E choice(Class<E> type, String field, String raw) {
        return read(
                field,
                raw,
                value -> Enum.valueOf(type, value.toUpperCase(Locale.ROOT)),
                "is not one of the choices offered");
    }

    Integer number(String field, String raw) {
        return read(field, raw, Integer::valueOf, "must be a whole number");
    }

    /** The typed value read by {@code parser} (null when blank); a value it refuses is noted with {@code message}. */
    private <T> T read(String field, String raw, Function<String, T> parser, String message) {
        String value = text(raw);
        try {
            return value == null ? null : parser.apply(value);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            errors.add(new Problem.FieldError(field, message));
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

    /** How many values of a repeated field (one per row) were sent. */
    static int size(List<String> values) {
        return values == null ? 0 : values.size();
    }

    /** The row's value of a repeated field, or null past the last one sent. */
    static String at(List<String> values, int index) {
        return values == null || index >= values.size() ? null : values.get(index);
    }

    /** The rows a form shows for a repeated field: every one sent, then one empty, at least {@code min}, at most {@code max}. */
    static int rowsToShow(List<String> values, int min, int max) {
        int typed = values == null
                ? 0
                : (int) values.stream().filter(v -> text(v) != null).count();
        return Math.min(max, Math.max(min, Math.max(size(values), typed + 1)));
    }
}
