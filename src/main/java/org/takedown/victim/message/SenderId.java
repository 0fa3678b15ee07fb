package org.takedown.victim.message;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a message shows as its sender. UK operators accept an alphanumeric sender of 3 to 11 characters (letters,
 * digits, space and {@code . & _ -}, at least one letter, not starting with {@code 00}) that is not a generic word
 * fraudsters hide behind, a UK mobile number, or a short code.
 */
public final class SenderId {

    private static final Pattern ALPHANUMERIC = Pattern.compile("[A-Za-z0-9 .&_-]{3,11}");
    private static final Pattern UK_MOBILE = Pattern.compile("(?:\\+?44|0)7\\d{9}");
    private static final Pattern SHORT_CODE = Pattern.compile("[1-9]\\d{4,5}");
    /** Generic senders that operators' registries refuse, compared without case, spaces or punctuation. */
    private static final Set<String> GENERIC = Set.of(
            "SMS",
            "INFO",
            "ALERT",
            "ALERTS",
            "VERIFY",
            "TEXT",
            "MESSAGE",
            "NOTICE",
            "NOTIFY",
            "SECURITY",
            "SUPPORT",
            "SERVICE",
            "UPDATE",
            "ADMIN",
            "HELP",
            "BANK",
            "AUTH",
            "OTP",
            "NOREPLY");

    private SenderId() {}

    /** Why operators would refuse this sender ID, or empty when it is acceptable. */
    public static Optional<String> problem(String senderId) {
        if (senderId == null || senderId.isBlank()) {
            return Optional.of("is required");
        }
        if (UK_MOBILE.matcher(senderId).matches()
                || SHORT_CODE.matcher(senderId).matches()) {
            return Optional.empty();
        }
        if (!ALPHANUMERIC.matcher(senderId).matches()) {
            return Optional.of(
                    "must be 3 to 11 letters, digits, spaces or . & _ - (or a UK mobile number or short code)");
        }
        if (senderId.chars().noneMatch(Character::isLetter)) {
            return Optional.of("must hold a letter, or be a UK mobile number or a short code");
        }
        if (senderId.startsWith("00")) {
            return Optional.of("must not start with 00");
        }
        String word = senderId.replaceAll("[ .&_-]", "").toUpperCase(Locale.ROOT);
        if (GENERIC.contains(word)) {
            return Optional.of("is a generic word (" + senderId + ") that operators refuse and fraudsters copy");
        }
        return Optional.empty();
    }
}
