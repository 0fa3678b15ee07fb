package org.takedown.victim.phone;

/** Something an officer should know about an accepted number. */
public enum PhoneFlag {
    /** Isle of Man, Jersey or Guernsey: UK numbering and networks, other jurisdictions. */
    CROWN_DEPENDENCY,
    /** A country other than the list's own, which the list allows. */
    OTHER_COUNTRY,
    /** The plan does not say whether it is mobile (e.g. North America): it may be a landline. */
    MAYBE_LANDLINE,
    /** Ofcom's drama range, accepted only by the test profile. */
    DRAMA_RANGE
}
