package org.takedown.victim.sms.smpp;

import java.math.BigInteger;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * SMSCs answer {@code submit_sm} with a message id in one form and write receipts with it in another: hexadecimal in
 * the answer and decimal in the receipt, or the other way round, upper or lower case, with or without leading zeros.
 * The forms of an id are what a receipt's id is looked up by.
 */
public final class MessageIds {

    private MessageIds() {}

    /** The id as written, in lower case, and (when it reads as a number) its decimal and hexadecimal forms. */
    public static Set<String> forms(String id) {
        Set<String> forms = new LinkedHashSet<>();
        String written = id.strip();
        forms.add(written);
        forms.add(written.toLowerCase(Locale.ROOT));
        if (written.matches("[0-9]{1,40}")) {
            forms.add(new BigInteger(written).toString(16));
        }
        if (written.matches("[0-9A-Fa-f]{1,40}")) {
            forms.add(new BigInteger(written, 16).toString());
            forms.add(new BigInteger(written, 16).toString(16));
        }
        return forms;
    }

    /** Whether two ids name the same message in any of the forms. */
    public static boolean same(String a, String b) {
        Set<String> forms = forms(a);
        forms.retainAll(forms(b));
        return !forms.isEmpty();
    }
}
