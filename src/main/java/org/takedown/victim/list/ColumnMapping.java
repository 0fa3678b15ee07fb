package org.takedown.victim.list;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.takedown.common.ProblemException;

/**
 * Which column of a victim list holds what: phone, email, name, language, and the personalisation fields a message can
 * name ({@code {bank}}). Headers are matched ignoring case, spaces, {@code _} and {@code -}. Whatever is not named is
 * found by its usual headers ({@code Phone}, {@code Mobile number}, {@code E-mail}, …); when no fields are named, every
 * other column is one, called by its header in lower case without spaces or punctuation.
 */
public record ColumnMapping(
        @Size(max = 100) String phone,
        @Size(max = 100) String email,
        @Size(max = 100) String name,
        @Size(max = 100) String language,
        // at most 20 fields of 100-character headers: the mapping's JSON fits its column (V27: 4000)
        @Size(max = 20) Map<@Pattern(regexp = FIELD_NAME) String, @NotBlank @Size(max = 100) String> fields) {

    static final String FIELD_NAME = "[a-z][a-z0-9_]{0,39}";

    private static final Set<String> PHONE_HEADERS =
            Set.of("phone", "phonenumber", "mobile", "mobilenumber", "mobilephone", "msisdn", "telephone", "tel");
    private static final Set<String> EMAIL_HEADERS = Set.of("email", "emailaddress", "mail");
    private static final Set<String> NAME_HEADERS = Set.of("name", "fullname", "victimname");
    private static final Set<String> LANGUAGE_HEADERS = Set.of("language", "lang", "locale");

    public static ColumnMapping automatic() {
        return new ColumnMapping(null, null, null, null, null);
    }

    /** A header as it is matched: lower case, without spaces, {@code _}, {@code -} or a byte-order mark. */
    static String normalise(String header) {
        return header.replace("\uFEFF", "").toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
    }

    /**
     * The columns of this file, by position; a 422 when a named column is not there. Messages never repeat the header: a
     * file without one has a victim's data in its first row.
     */
    Columns resolve(List<String> header) {
        Map<String, Integer> positions = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String key = normalise(header.get(i));
            if (!key.isEmpty() && positions.putIfAbsent(key, i) != null) {
                throw ProblemException.invalidField(
                        422, "file", "two columns of the header have the same name (column " + (i + 1) + ")");
            }
        }
        List<Integer> used = new ArrayList<>();
        int phoneAt = find("phone", phone, PHONE_HEADERS, positions, used);
        int emailAt = find("email", email, EMAIL_HEADERS, positions, used);
        int nameAt = find("name", name, NAME_HEADERS, positions, used);
        int languageAt = find("language", language, LANGUAGE_HEADERS, positions, used);
        if (phoneAt < 0 && emailAt < 0) {
            throw ProblemException.invalidField(
                    422,
                    "file",
                    "no phone or email column in the first row, which must be the header: name the column in the mapping");
        }
        Map<String, Integer> fieldsAt = new LinkedHashMap<>();
        if (fields != null) {
            fields.forEach((field, column) -> {
                Integer at = positions.get(normalise(column));
                if (at == null) {
                    throw ProblemException.invalidField(
                            422, "mapping.fields." + field, "no column '" + column + "' in the header");
                }
                fieldsAt.put(field, at);
            });
        } else {
            positions.forEach((key, at) -> {
                String field = key.replaceAll("[^a-z0-9_]", "");
                if (!used.contains(at) && field.matches(FIELD_NAME)) {
                    fieldsAt.putIfAbsent(field, at);
                }
            });
        }
        return new Columns(phoneAt, emailAt, nameAt, languageAt, fieldsAt);
    }

    private static int find(
            String what, String named, Set<String> usual, Map<String, Integer> positions, List<Integer> used) {
        Integer at;
        if (named != null && !named.isBlank()) {
            at = positions.get(normalise(named));
            if (at == null) {
                throw ProblemException.invalidField(422, "mapping." + what, "no column '" + named + "' in the header");
            }
        } else {
            at = positions.entrySet().stream()
                    .filter(entry -> usual.contains(entry.getKey()))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(-1);
        }
        if (at >= 0) {
            used.add(at);
        }
        return at;
    }

    /** Column positions in one file; -1 where the file has no such column. */
    record Columns(int phone, int email, int name, int language, Map<String, Integer> fields) {}
}
