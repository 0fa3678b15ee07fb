package org.takedown.victim.list;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.takedown.common.DeterministicJson;
import org.takedown.victim.phone.PhoneCheck;
import org.takedown.victim.phone.PhoneFlag;
import org.takedown.victim.phone.PhoneVerdict;
import org.takedown.victim.protect.BlindIndex;
import org.takedown.victim.protect.Masks;
import org.takedown.victim.protect.PersonalDataCipher;
import org.takedown.victim.protect.Purpose;

/**
 * Turns one CSV row into a victim, sealed and indexed, or into a refusal reason. A row whose number cannot take a text
 * but whose email address is usable is kept, to be reached by email; a row with neither is refused for its number.
 */
final class RowCheck {

    static final int MAX_NAME = 200;
    static final int MAX_FIELD = 500;

    private static final Pattern EMAIL_SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern LANGUAGE_SHAPE = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8}){0,3}");
    /** The widths of the sealed columns (V27): a value that seals longer is refused, never cut. */
    /** An address longer than this in UTF-8 would not fit its column once sealed (1000 characters of base64). */
    private static final int EMAIL_BYTES = 700;

    private static final int SEALED_NAME = 1000;
    private static final int SEALED_FIELDS = 16000;

    /**
     * A row kept (everything personal already sealed; {@code notes} are the flags the report counts) or refused with a
     * reason code.
     */
    record Checked(Victim victim, Set<String> notes, String refusal) {
        static Checked refused(String reason) {
            return new Checked(null, Set.of(), reason);
        }
    }

    private final PhoneCheck phones;
    private final BlindIndex index;
    private final PersonalDataCipher cipher;
    private final String region;
    private final Set<String> otherRegions;
    private final ColumnMapping.Columns columns;

    RowCheck(
            PhoneCheck phones,
            BlindIndex index,
            PersonalDataCipher cipher,
            String region,
            Set<String> otherRegions,
            ColumnMapping.Columns columns) {
        this.phones = phones;
        this.index = index;
        this.cipher = cipher;
        this.region = region;
        this.otherRegions = otherRegions;
        this.columns = columns;
    }

    Checked check(CSVRecord row) {
        Set<String> notes = new TreeSet<>();
        String name = value(row, columns.name());
        if (name != null && name.length() > MAX_NAME) {
            return Checked.refused("name-too-long");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> field : columns.fields().entrySet()) {
            String value = value(row, field.getValue());
            if (value != null && value.length() > MAX_FIELD) {
                return Checked.refused("field-too-long");
            }
            if (value != null) {
                fields.put(field.getKey(), value);
            }
        }
        String email = value(row, columns.email());
        if (email != null && !isEmail(email)) {
            notes.add("email-ignored");
            email = null;
        }
        PhoneVerdict phone =
                columns.phone() < 0 ? null : phones.check(value(row, columns.phone()), region, otherRegions);
        boolean phoneUsable = phone != null && phone.isAccepted();
        if (!phoneUsable && email == null) {
            if (phone == null) {
                return Checked.refused(notes.contains("email-ignored") ? "invalid-email" : "missing-email");
            }
            return Checked.refused(phone.refusal().code());
        }
        Victim victim = new Victim();
        if (phoneUsable) {
            victim.phoneIndex = index.of(Purpose.PHONE, phone.e164());
            victim.phone = cipher.sealText(Purpose.PHONE, phone.e164());
            victim.phoneMasked = phone.masked();
            victim.contactKey = victim.phoneIndex;
            phone.flags().forEach(flag -> notes.add(code(flag)));
        } else if (phone != null) {
            victim.phoneRefusal = phone.refusal().code();
            notes.add("email-only");
        }
        victim.phoneFlags = phoneUsable ? flags(phone.flags()) : "";
        if (email != null) {
            String normalised = email.toLowerCase(Locale.ROOT);
            victim.emailIndex = index.of(Purpose.EMAIL, normalised);
            victim.email = cipher.sealText(Purpose.EMAIL, email);
            victim.emailMasked = Masks.email(email);
            if (victim.contactKey == null) {
                victim.contactKey = "e:" + victim.emailIndex;
            }
        }
        victim.name = cipher.sealText(Purpose.NAME, name);
        if (victim.name != null && victim.name.length() > SEALED_NAME) {
            return Checked.refused("name-too-long");
        }
        String language = value(row, columns.language());
        if (language != null && !LANGUAGE_SHAPE.matcher(language).matches()) {
            notes.add("language-ignored");
            language = null;
        }
        victim.language = language;
        victim.fields = fields.isEmpty() ? null : cipher.sealText(Purpose.FIELDS, DeterministicJson.write(fields));
        if (victim.fields != null && victim.fields.length() > SEALED_FIELDS) {
            return Checked.refused("fields-too-long");
        }
        return new Checked(victim, notes, null);
    }

    private static boolean isEmail(String text) {
        return text.length() <= 254
                && text.getBytes(StandardCharsets.UTF_8).length <= EMAIL_BYTES
                && EMAIL_SHAPE.matcher(text).matches();
    }

    private static String value(CSVRecord row, int column) {
        if (column < 0 || column >= row.size()) {
            return null;
        }
        String value = row.get(column).strip();
        return value.isEmpty() ? null : value;
    }

    private static String flags(Set<PhoneFlag> flags) {
        return flags.isEmpty()
                ? ""
                : EnumSet.copyOf(flags).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    static String code(PhoneFlag flag) {
        return flag.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
