package org.takedown.victim.campaign;

/**
 * The provider a campaign's messages go through, each a channel of the delivery engine with its own pace: an SMSC over
 * SMPP (paced in message parts), or GOV.UK Notify (paced in requests).
 */
public enum SmsProvider {
    SMPP("sms"),
    NOTIFY("notify");

    private final String channel;

    SmsProvider(String channel) {
        this.channel = channel;
    }

    /** The delivery engine's channel of this provider. */
    public String channel() {
        return channel;
    }
}
