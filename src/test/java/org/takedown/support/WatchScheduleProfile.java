package org.takedown.support;

import java.util.Map;

/** Channel reads from the fixture, two read slots, ten-minute intervals. */
public class WatchScheduleProfile extends ChannelWatchProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("takedown.watch.concurrency", "2", "takedown.watch.channel-read-every", "10m");
    }
}
