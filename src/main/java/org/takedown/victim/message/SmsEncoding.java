package org.takedown.victim.message;

/**
 * How an SMS is written on the air: the GSM 03.38 default alphabet in 7-bit septets, or UCS-2 (UTF-16 code units) for
 * anything that alphabet cannot write. One character outside the alphabet turns the whole message into UCS-2.
 */
public enum SmsEncoding {
    GSM7(160, 153),
    UCS2(70, 67);

    /** Units (septets or UTF-16 code units) in a message sent whole. */
    public final int single;
    /** Units in each part of a concatenated message (the user data header takes the rest). */
    public final int part;

    SmsEncoding(int single, int part) {
        this.single = single;
        this.part = part;
    }
}
