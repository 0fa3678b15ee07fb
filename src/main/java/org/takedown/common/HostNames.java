package org.takedown.common;

import com.ibm.icu.text.IDNA;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One normal form for host names, shared by Host routing, seized domains and watched domains: lowercase, no trailing
 * dot, no port, internationalised labels as punycode by UTS #46 with non-transitional processing (IDNA 2008), which is
 * what browsers send: {@code faß.example} is {@code xn--fa-hia.example}, not IDNA 2003's {@code fass.example} (which
 * {@code java.net.IDN} gives, so a seized {@code ß}, {@code ς} or joiner name would never match its visitors).
 */
public final class HostNames {

    /** As the URL Standard's "domain to ASCII", with STD3 rules: hostnames, not arbitrary DNS labels. */
    private static final IDNA UTS46 = IDNA.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_ASCII
            | IDNA.NONTRANSITIONAL_TO_UNICODE
            | IDNA.CHECK_BIDI
            | IDNA.CHECK_CONTEXTJ
            | IDNA.USE_STD3_RULES);
    /** Real names such as {@code r3---sn-abc.example} have hyphens in places 3 and 4; the URL Standard allows them. */
    private static final Set<IDNA.Error> TOLERATED = EnumSet.of(IDNA.Error.HYPHEN_3_4);

    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern ALL_DIGITS = Pattern.compile("[0-9]+");
    private static final int MAX_LENGTH = 253;

    private HostNames() {}

    /**
     * Normalises a host name as typed or as found in a Host header without its port.
     * Empty when it is not a syntactically valid DNS host name.
     */
    public static Optional<String> normalise(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > 1024) {
            return Optional.empty();
        }
        if (isPlainLowercase(raw)) {
            // Fast path for the common case (every Host header of a banner request): no IDN processing needed.
            return Optional.of(raw);
        }
        String host = raw.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c <= 0x20 || c == 0x7f) {
                return Optional.empty();
            }
        }
        StringBuilder converted = new StringBuilder(host.length() + 16);
        IDNA.Info info = new IDNA.Info();
        UTS46.nameToASCII(host, converted, info);
        if (!TOLERATED.containsAll(info.getErrors())) {
            return Optional.empty();
        }
        String ascii = converted.toString().toLowerCase(Locale.ROOT);
        if (ascii.isEmpty() || ascii.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        for (String label : ascii.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(ascii);
    }

    /**
     * A registrable-looking domain: a valid host name with at least two labels whose last label is
     * not numeric (so IPv4 literals and bare names such as {@code localhost} are refused).
     */
    public static Optional<String> normaliseDomain(String raw) {
        return normalise(raw).filter(h -> {
            int dot = h.lastIndexOf('.');
            return dot > 0 && !ALL_DIGITS.matcher(h.substring(dot + 1)).matches();
        });
    }

    /**
     * The host of a Host header value ({@code name[:port]} or {@code [v6]:port}), normalised.
     * IPv6 literals are returned lowercased with their brackets.
     */
    public static Optional<String> fromHostHeader(String header) {
        if (header == null || header.isEmpty()) {
            return Optional.empty();
        }
        if (header.startsWith("[")) {
            int end = header.indexOf(']');
            if (end < 0 || !validPortSuffix(header.substring(end + 1))) {
                return Optional.empty();
            }
            String literal = header.substring(0, end + 1).toLowerCase(Locale.ROOT);
            return literal.chars()
                            .allMatch(c -> c == '[' || c == ']' || c == ':' || c == '.' || Character.digit(c, 16) >= 0)
                    ? Optional.of(literal)
                    : Optional.empty();
        }
        int colon = header.indexOf(':');
        if (colon >= 0 && !validPortSuffix(header.substring(colon))) {
            return Optional.empty();
        }
        return normalise(colon >= 0 ? header.substring(0, colon) : header);
    }

    /** The Unicode form of a normalised host, for display; the punycode itself when a label does not decode cleanly. */
    public static String toDisplay(String asciiHost) {
        StringBuilder unicode = new StringBuilder(asciiHost.length());
        IDNA.Info info = new IDNA.Info();
        UTS46.nameToUnicode(asciiHost, unicode, info);
        return TOLERATED.containsAll(info.getErrors()) ? unicode.toString() : asciiHost;
    }

    /** Lowercase ASCII labels of letters, digits and inner hyphens, 1-63 long, no trailing dot: already normal. */
    private static boolean isPlainLowercase(String host) {
        if (host.length() > MAX_LENGTH || host.startsWith("xn--") || host.contains(".xn--")) {
            return false;
        }
        int labelStart = 0;
        for (int i = 0; i <= host.length(); i++) {
            char c = i < host.length() ? host.charAt(i) : '.';
            if (c == '.') {
                int length = i - labelStart;
                if (length == 0 || length > 63 || host.charAt(labelStart) == '-' || host.charAt(i - 1) == '-') {
                    return false;
                }
                labelStart = i + 1;
            } else if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean validPortSuffix(String suffix) {
        if (suffix.isEmpty()) {
            return true;
        }
        if (suffix.charAt(0) != ':' || suffix.length() < 2 || suffix.length() > 6) {
            return false;
        }
        for (int i = 1; i < suffix.length(); i++) {
            char c = suffix.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return Integer.parseInt(suffix.substring(1)) <= 65535;
    }
}
