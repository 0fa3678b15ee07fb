package org.takedown.victim.protect;

/**
 * What a sealed or indexed value is, bound into its seal (associated data) and its blind index: a value sealed as one
 * purpose does not open as another, and a number's index never equals an address's.
 */
public final class Purpose {

    public static final String PHONE = "victim.phone";
    public static final String EMAIL = "victim.email";
    public static final String NAME = "victim.name";
    public static final String FIELDS = "victim.fields";
    public static final String UPLOAD = "victim.upload";

    private Purpose() {}
}
