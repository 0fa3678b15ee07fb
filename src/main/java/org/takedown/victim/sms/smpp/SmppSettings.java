package org.takedown.victim.sms.smpp;

import java.time.Duration;

/**
 * One SMPP account: where the SMSC is, who we bind as, how long to wait for an answer, how often to check the link,
 * and the backoff when the SMSC says it is throttled or its queue is full (doubling from {@code throttleBase} to
 * {@code throttleMax}).
 */
public record SmppSettings(
        String host,
        int port,
        String systemId,
        String password,
        String systemType,
        Duration responseTimeout,
        Duration enquireLink,
        Duration reconnect,
        Duration throttleBase,
        Duration throttleMax) {

    @Override
    public String toString() {
        return "SmppSettings[" + systemId + "@" + host + ":" + port + "]";
    }
}
