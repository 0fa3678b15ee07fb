package org.takedown.victim.phone;

/** Why a row's phone number was refused, as the import report and the refusals CSV name it. */
public enum PhoneRefusal {
    MISSING("missing", "no phone number"),
    UNPARSEABLE("unparseable", "not a phone number"),
    INVALID("invalid", "not a number any network has issued"),
    OTHER_COUNTRY("other-country", "a number of a country this list does not allow"),
    FIXED_LINE("fixed-line", "a landline"),
    PREMIUM_RATE("premium-rate", "a premium-rate number"),
    TOLL_FREE("toll-free", "a freephone number"),
    SHARED_COST("shared-cost", "a shared-cost number"),
    UAN("uan", "a universal access number"),
    VOIP("voip", "an internet telephony number"),
    PAGER("pager", "a pager"),
    PERSONAL_NUMBER("personal-number", "a personal (forwarding) number"),
    VOICEMAIL("voicemail", "a voicemail access number"),
    UNKNOWN_TYPE("unknown-type", "a number of no known type");

    private final String code;
    private final String description;

    PhoneRefusal(String code, String description) {
        this.code = code;
        this.description = description;
    }

    /** Stable, for reports and APIs. */
    public String code() {
        return code;
    }

    public String description() {
        return description;
    }
}
