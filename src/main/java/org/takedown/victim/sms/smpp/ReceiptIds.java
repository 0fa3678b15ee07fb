package org.takedown.victim.sms.smpp;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;

/**
 * How an SMSC writes a message id in its delivery receipts against how it wrote it in the answer to {@code submit_sm}.
 * Most write the same string; some answer in hexadecimal and write receipts in decimal, or the reverse. Which one is a
 * property of the account and is configured, never guessed per receipt: "1234" reads as hex and as decimal, and a
 * guess can name another message.
 */
public enum ReceiptIds {
    /** The receipt has the answer's id (case and leading zeros aside). */
    AS_ANSWERED,
    /** The receipt has the decimal value of the answer's hexadecimal id. */
    DECIMAL_OF_HEX,
    /** The receipt has the hexadecimal value of the answer's decimal id. */
    HEX_OF_DECIMAL;

    /** An answer's id as it is kept and compared: lower case, a number without its leading zeros. */
    public static String key(String answered) {
        String id = answered.strip().toLowerCase(Locale.ROOT);
        return id.matches("[0-9a-f]+") ? id.replaceFirst("^0+(?=.)", "") : id;
    }

    /** The key of the answer a receipt's id names; empty when the id cannot be written in this form. */
    public Optional<String> answerKey(String receiptId) {
        String id = receiptId.strip();
        return switch (this) {
            case AS_ANSWERED -> Optional.of(key(id));
            case DECIMAL_OF_HEX ->
                id.matches("[0-9]{1,40}") ? Optional.of(new BigInteger(id).toString(16)) : Optional.empty();
            case HEX_OF_DECIMAL ->
                id.matches("[0-9A-Fa-f]{1,40}") ? Optional.of(new BigInteger(id, 16).toString()) : Optional.empty();
        };
    }
}
