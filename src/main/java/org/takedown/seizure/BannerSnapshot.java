package org.takedown.seizure;

import java.util.Map;

/**
 * The banner configuration in memory: every host of every approved or active operation. Requests read it and
 * never the database. {@code version} is the audit sequence it was built at: every change is audited, so a
 * different head means the snapshot may be stale.
 */
record BannerSnapshot(long version, boolean bannersStopped, Map<String, LiveHost> hosts) {

    static final BannerSnapshot EMPTY = new BannerSnapshot(-1, false, Map.of());

    /** The host's entry, or null when it is unknown or the kill switch stops banners. */
    LiveHost lookup(String host) {
        return bannersStopped ? null : hosts.get(host);
    }
}
