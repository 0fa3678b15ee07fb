package org.takedown.victim.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Set;
import org.takedown.victim.VictimsConfig;
import org.takedown.victim.protect.Masks;

/**
 * Reads a phone number as written in a victim list (any spelling: {@code 07700 900123}, {@code +44 (0)7700-900123},
 * {@code 0044…}) against the list's region, and accepts it only if a text message can reach it: a valid MOBILE number
 * of the list's country (or of the Crown dependencies when that is the UK), or of a country the list allows.
 */
@ApplicationScoped
public class PhoneCheck {

    private static final PhoneNumberUtil NUMBERS = PhoneNumberUtil.getInstance();
    private static final Set<String> CROWN_DEPENDENCIES = Set.of("IM", "JE", "GG");

    /** Every region the numbering plans know: for {@link #check}'s other regions when the country does not matter. */
    public static final Set<String> ANY_REGION = Set.copyOf(NUMBERS.getSupportedRegions());

    private static final long DRAMA_FIRST = 7_700_900_000L;
    private static final long DRAMA_LAST = 7_700_900_999L;

    @Inject
    VictimsConfig config;

    /** A region the phone plan knows, as ISO 3166-1 alpha-2 (e.g. {@code GB}). */
    public static boolean isKnownRegion(String region) {
        return region != null && NUMBERS.getSupportedRegions().contains(region);
    }

    /**
     * @param region the list's region: numbers without a country code are read as its
     * @param otherRegions the other countries the list accepts numbers of (flagged)
     */
    public PhoneVerdict check(String text, String region, Set<String> otherRegions) {
        if (text == null || text.isBlank()) {
            return PhoneVerdict.refused(PhoneRefusal.MISSING);
        }
        PhoneNumber number;
        try {
            number = NUMBERS.parse(text, region);
        } catch (NumberParseException e) {
            return PhoneVerdict.refused(PhoneRefusal.UNPARSEABLE);
        }
        EnumSet<PhoneFlag> flags = EnumSet.noneOf(PhoneFlag.class);
        if (config.allowDramaRange() && isDramaRange(number)) {
            flags.add(PhoneFlag.DRAMA_RANGE);
            return accepted(number, flags);
        }
        // the type alone says whether the number is valid (UNKNOWN: it matches no plan of its region), so the
        // number's region is worked out twice here, not four times as isValidNumber would add
        PhoneNumberType type = NUMBERS.getNumberType(number);
        if (type == PhoneNumberType.UNKNOWN) {
            return PhoneVerdict.refused(PhoneRefusal.INVALID);
        }
        String numberRegion = NUMBERS.getRegionCodeForNumber(number);
        if (!region.equals(numberRegion)) {
            if ("GB".equals(region) && CROWN_DEPENDENCIES.contains(numberRegion)) {
                flags.add(PhoneFlag.CROWN_DEPENDENCY);
            } else if (otherRegions.contains(numberRegion)) {
                flags.add(PhoneFlag.OTHER_COUNTRY);
            } else {
                return PhoneVerdict.refused(PhoneRefusal.OTHER_COUNTRY);
            }
        }
        switch (type) {
            case MOBILE:
                return accepted(number, flags);
            case FIXED_LINE_OR_MOBILE:
                flags.add(PhoneFlag.MAYBE_LANDLINE);
                return accepted(number, flags);
            default:
                return PhoneVerdict.refused(refusalFor(type));
        }
    }

    private static PhoneVerdict accepted(PhoneNumber number, Set<PhoneFlag> flags) {
        return PhoneVerdict.accepted(
                NUMBERS.format(number, PhoneNumberFormat.E164),
                Masks.phone(number.getCountryCode(), NUMBERS.getNationalSignificantNumber(number)),
                flags);
    }

    private static boolean isDramaRange(PhoneNumber number) {
        return number.getCountryCode() == 44
                && number.getNationalNumber() >= DRAMA_FIRST
                && number.getNationalNumber() <= DRAMA_LAST;
    }

    private static PhoneRefusal refusalFor(PhoneNumberType type) {
        switch (type) {
            case FIXED_LINE:
                return PhoneRefusal.FIXED_LINE;
            case PREMIUM_RATE:
                return PhoneRefusal.PREMIUM_RATE;
            case TOLL_FREE:
                return PhoneRefusal.TOLL_FREE;
            case SHARED_COST:
                return PhoneRefusal.SHARED_COST;
            case UAN:
                return PhoneRefusal.UAN;
            case VOIP:
                return PhoneRefusal.VOIP;
            case PAGER:
                return PhoneRefusal.PAGER;
            case PERSONAL_NUMBER:
                return PhoneRefusal.PERSONAL_NUMBER;
            case VOICEMAIL:
                return PhoneRefusal.VOICEMAIL;
            default:
                return PhoneRefusal.UNKNOWN_TYPE;
        }
    }
}
