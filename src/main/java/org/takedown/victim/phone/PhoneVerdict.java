package org.takedown.victim.phone;

import java.util.Set;

/**
 * What the phone check made of one number: accepted as E.164 with its flags and its masked form, or refused with a
 * reason. Only the accepted number is ever kept (sealed), never the text it came from.
 */
public record PhoneVerdict(String e164, String masked, Set<PhoneFlag> flags, PhoneRefusal refusal) {

    static PhoneVerdict accepted(String e164, String masked, Set<PhoneFlag> flags) {
        return new PhoneVerdict(e164, masked, Set.copyOf(flags), null);
    }

    static PhoneVerdict refused(PhoneRefusal refusal) {
        return new PhoneVerdict(null, null, Set.of(), refusal);
    }

    public boolean isAccepted() {
        return refusal == null;
    }
}
