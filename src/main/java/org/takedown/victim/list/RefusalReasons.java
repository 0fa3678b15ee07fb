package org.takedown.victim.list;

import java.util.Map;
import org.takedown.victim.phone.PhoneRefusal;

/** What each refusal reason code means, in the words of the refusals CSV. */
final class RefusalReasons {

    private static final Map<String, String> OTHERS = Map.of(
            "name-too-long",
            "the name is longer than " + RowCheck.MAX_NAME + " characters (or too long to store)",
            "fields-too-long",
            "the personalisation values together are too long to store",
            "field-too-long",
            "a personalisation value is longer than " + RowCheck.MAX_FIELD + " characters",
            "invalid-email",
            "no phone column, and the email address is not one",
            "missing-email",
            "no phone column, and no email address");

    private RefusalReasons() {}

    static String describe(String code) {
        for (PhoneRefusal refusal : PhoneRefusal.values()) {
            if (refusal.code().equals(code)) {
                return refusal.description() + ", and no usable email address";
            }
        }
        return OTHERS.getOrDefault(code, code);
    }
}
