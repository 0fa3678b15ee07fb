package org.takedown.watch;

public enum WatchTargetKind {
    /** A public channel read through its {@code t.me/s/<name>} preview. */
    TELEGRAM_CHANNEL,
    /** A domain probed over DNS and HTTP. */
    DOMAIN
}
