package org.takedown.victim.sms.notify;

import java.time.Duration;

/**
 * Notify's Java client opens {@link java.net.HttpURLConnection}s without a timeout of their own, so a Notify that stops
 * answering would hold a sender for ever. The JDK's defaults for connections that set none are the only way in: they
 * are set here unless the JVM was started with its own, and leave every connection that sets its timeouts as it was.
 */
final class HttpTimeouts {

    static final String CONNECT = "sun.net.client.defaultConnectTimeout";
    static final String READ = "sun.net.client.defaultReadTimeout";

    private HttpTimeouts() {}

    static void atMost(Duration timeout) {
        String millis = Long.toString(timeout.toMillis());
        if (System.getProperty(CONNECT) == null) {
            System.setProperty(CONNECT, millis);
        }
        if (System.getProperty(READ) == null) {
            System.setProperty(READ, millis);
        }
    }
}
