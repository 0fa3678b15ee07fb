package org.takedown.victim.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.takedown.victim.TestVictimsConfig;

class PhoneCheckTest {

    private static PhoneCheck check(boolean dramaRange) {
        PhoneCheck check = new PhoneCheck();
        check.config = new TestVictimsConfig(Path.of("unused"), false, dramaRange);
        return check;
    }

    private static PhoneVerdict uk(String text) {
        return check(false).check(text, "GB", Set.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"07400 123456", "+44 (0)7400-123456", "0044 7400 123456", "447400123456", " 07400123456 "})
    void everySpellingOfAMobileNumberIsOneE164(String spelling) {
        PhoneVerdict verdict = uk(spelling);
        assertEquals("+447400123456", verdict.e164());
        assertEquals("+44 7••• •••456", verdict.masked());
        assertEquals(Set.of(), verdict.flags());
    }

    @ParameterizedTest
    @CsvSource({
        "020 7946 0000, fixed-line",
        "0121 496 0000, fixed-line",
        "0800 123 4567, toll-free",
        "0909 879 0000, premium-rate",
        "0303 123 4567, uan",
        "056 1234 5678, voip",
        "07640 123456, pager",
        "070 1234 5678, personal-number",
        "07700 900123, invalid",
        "12, invalid",
        "call me, unparseable",
        "'', missing",
        "+33 6 12 34 56 78, other-country"
    })
    void aNumberNoTextCanReachIsRefusedWithItsReason(String text, String reason) {
        PhoneVerdict verdict = uk(text);
        assertNull(verdict.e164(), text);
        assertEquals(reason, verdict.refusal().code(), text);
    }

    @ParameterizedTest
    @CsvSource({"07624 123456, +447624123456", "07797 123456, +447797123456", "07911 123456, +447911123456"})
    void crownDependencyMobilesAreUkNetworksAndFlagged(String text, String e164) {
        PhoneVerdict verdict = uk(text);
        assertEquals(e164, verdict.e164());
        assertEquals(Set.of(PhoneFlag.CROWN_DEPENDENCY), verdict.flags());
    }

    @Test
    void anotherCountrysMobileIsAcceptedOnlyWhereTheListAllowsItAndIsFlagged() {
        PhoneVerdict allowed = check(false).check("+33 6 12 34 56 78", "GB", Set.of("FR", "IE"));
        assertEquals("+33612345678", allowed.e164());
        assertEquals(Set.of(PhoneFlag.OTHER_COUNTRY), allowed.flags());
        assertEquals(
                "other-country",
                check(false)
                        .check("+49 1512 3456789", "GB", Set.of("FR"))
                        .refusal()
                        .code());
        // a French list reads national numbers as French ones
        assertEquals(
                "+33612345678",
                check(false).check("06 12 34 56 78", "FR", Set.of()).e164());
    }

    @Test
    void aNumberThatMayBeALandlineIsAcceptedButFlagged() {
        PhoneVerdict verdict = check(false).check("+1 201 555 0123", "US", Set.of());
        assertEquals("+12015550123", verdict.e164());
        assertEquals(Set.of(PhoneFlag.MAYBE_LANDLINE), verdict.flags());
    }

    @Test
    void theDramaRangeIsAcceptedOnlyWhenTheTestProfileSaysSo() {
        assertEquals("invalid", uk("07700 900123").refusal().code());
        PhoneVerdict drama = check(true).check("07700 900123", "GB", Set.of());
        assertEquals("+447700900123", drama.e164());
        assertEquals(Set.of(PhoneFlag.DRAMA_RANGE), drama.flags());
        assertEquals(
                "invalid",
                check(true).check("07700 901000", "GB", Set.of()).refusal().code());
    }

    @Test
    void aNumberIsInvalidExactlyWhenLibphonenumberSaysSo() {
        // PhoneCheck reads validity from the number's type (one region look-up, not isValidNumber's two more): over
        // every region's example of every type, and each cut short and made longer, the two must agree
        PhoneNumberUtil numbers = PhoneNumberUtil.getInstance();
        PhoneCheck check = check(false);
        int compared = 0;
        for (String region : numbers.getSupportedRegions()) {
            for (PhoneNumberUtil.PhoneNumberType type : PhoneNumberUtil.PhoneNumberType.values()) {
                Phonenumber.PhoneNumber example = numbers.getExampleNumberForType(region, type);
                if (example == null) {
                    continue;
                }
                String national = numbers.getNationalSignificantNumber(example);
                for (String digits : List.of(national, national.substring(1), national + "5")) {
                    String text = "+" + example.getCountryCode() + digits;
                    boolean valid;
                    try {
                        valid = numbers.isValidNumber(numbers.parse(text, region));
                    } catch (NumberParseException e) {
                        continue;
                    }
                    PhoneVerdict verdict = check.check(text, region, PhoneCheck.ANY_REGION);
                    assertEquals(
                            !valid,
                            verdict.refusal() == PhoneRefusal.INVALID,
                            text + " (" + region + ", " + type + ")");
                    compared++;
                }
            }
        }
        assertTrue(compared > 3000, compared + " numbers compared");
    }
}
