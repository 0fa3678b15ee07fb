package org.takedown.victim.message;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a police message to victims must never hold, because a fraudster's copy would hold it too and the victim must
 * be able to tell them apart: a clickable link, a URL shortener, a phone number to call, or any domain but the force's
 * official ones, and those written bare ({@code met.police.uk/elaborate}, as the Met wrote it). Every finding is an
 * error, never a warning. Findings name what was found in officer text; for a recipient's text (which holds personal
 * data) the caller reports only that one was found.
 */
public final class PhishingLint {

    private static final Pattern SCHEME = Pattern.compile("(?i)\\b(?:[a-z][a-z0-9+.-]*://|(?:mailto|tel|sms|callto):)");
    private static final Pattern WWW = Pattern.compile("(?i)\\bwww\\.");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\b\\d{1,3}(?:\\.\\d{1,3}){3}\\b");
    /** Labels of letters, digits and hyphens joined by dots, ending in a label of letters: a domain to a phone. */
    private static final Pattern DOMAIN = Pattern.compile(
            "(?<![\\p{L}\\p{N}.-])((?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+\\p{L}{2,63})(?![\\p{L}\\p{N}-])");

    private static final Set<String> SHORTENERS = Set.of(
            "bit.ly",
            "tinyurl.com",
            "t.co",
            "goo.gl",
            "ow.ly",
            "is.gd",
            "buff.ly",
            "rebrand.ly",
            "cutt.ly",
            "shorturl.at",
            "tiny.cc",
            "t.ly",
            "rb.gy",
            "s.id",
            "v.gd",
            "bl.ink",
            "lnkd.in",
            "qrco.de");

    /** Fewer digits than this cannot be a phone number to call (and the search for one is skipped). */
    private static final int PHONE_DIGITS = 7;

    private PhishingLint() {}

    /**
     * The findings in {@code text}; {@code officialDomains} (lower-case ASCII names) may appear bare, {@code region} is
     * where a number written without a country code would be read.
     */
    public static List<String> problems(String text, Set<String> officialDomains, String region) {
        List<String> problems = new ArrayList<>();
        Matcher scheme = SCHEME.matcher(text);
        if (scheme.find()) {
            problems.add("holds a link (" + scheme.group() + "): a victim message must not have a clickable link");
        }
        if (WWW.matcher(text).find()) {
            problems.add("holds a web address starting www.: write an official domain bare, without www.");
        }
        Matcher ip = IP_ADDRESS.matcher(text);
        if (ip.find()) {
            problems.add("holds an IP address (" + ip.group() + ")");
        }
        Matcher domain = DOMAIN.matcher(text);
        while (domain.find()) {
            String name = ascii(domain.group(1));
            if (SHORTENERS.contains(name)) {
                problems.add("holds a URL shortener (" + domain.group(1) + ")");
            } else if (!official(name, officialDomains)) {
                problems.add("holds the domain " + domain.group(1)
                        + ", which is not one of the force's official domains " + officialDomains);
            }
        }
        if (text.chars().filter(Character::isDigit).count() >= PHONE_DIGITS) {
            for (PhoneNumberMatch match : PhoneNumberUtil.getInstance()
                    .findNumbers(text, region, PhoneNumberUtil.Leniency.POSSIBLE, Long.MAX_VALUE)) {
                String raw = match.rawString();
                if (raw.chars().filter(Character::isDigit).count() < PHONE_DIGITS || raw.contains("/")) {
                    continue; // a year, an amount or a case number, which the possible-number rule also finds
                }
                problems.add(
                        "holds a phone number (" + match.rawString() + "): a victim message must not ask for a call");
            }
        }
        return problems;
    }

    private static boolean official(String name, Set<String> officialDomains) {
        for (String official : officialDomains) {
            if (name.equals(official) || name.endsWith("." + official)) {
                return true;
            }
        }
        return false;
    }

    private static String ascii(String name) {
        try {
            return IDN.toASCII(name.toLowerCase(Locale.ROOT), IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return name.toLowerCase(Locale.ROOT);
        }
    }
}
