package org.takedown.victim.protect;

/**
 * How personal data is shown wherever it is not revealed: enough to tell two victims apart and to recognise one's own
 * number, not enough to contact anyone.
 */
public final class Masks {

    static final char DOT = '•';

    private Masks() {}

    /**
     * {@code +447700900456} (country code 44) → {@code +44 7••• •••456}: the country code, the first digit of the
     * national number and its last three.
     */
    public static String phone(int countryCode, String nationalNumber) {
        int length = nationalNumber.length();
        if (length <= 4) {
            return "+" + countryCode + " " + dots(length);
        }
        String hidden = dots(length - 4);
        String middle = hidden.length() > 3 ? hidden.substring(0, 3) + " " + hidden.substring(3) : hidden;
        return "+" + countryCode + " " + nationalNumber.charAt(0) + middle + nationalNumber.substring(length - 3);
    }

    /** {@code jane.smith@example.co.uk} → {@code j•••@e•••.uk}: first letters and the top-level domain. */
    public static String email(String address) {
        int at = address.lastIndexOf('@');
        String domain = address.substring(at + 1);
        int dot = domain.lastIndexOf('.');
        String top = dot < 0 ? "" : domain.substring(dot);
        return address.charAt(0) + dots(3) + "@" + domain.charAt(0) + dots(3) + top;
    }

    private static String dots(int count) {
        return String.valueOf(DOT).repeat(count);
    }
}
