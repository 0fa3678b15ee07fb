package org.takedown.victim.list;

/**
 * A victim as a text message reaches them: their number (E.164) and its blind index, which the suppression list is
 * checked by, and what their message is rendered from. Opened in memory for one send; never logged, never shown.
 */
public record PhoneContact(String phone, String phoneIndex, Recipient recipient) {

    @Override
    public String toString() {
        return "PhoneContact[victimId=" + recipient.victimId() + "]";
    }
}
