package org.takedown.watch;

import java.util.List;

/**
 * One page of a channel's public preview: the channel's title, description and subscriber count, its posts (oldest
 * first), and the {@code before} id that loads the page of older posts (null on the oldest page).
 */
public record ChannelPage(String channel, String title, String description, Long subscribers, List<ChannelPost> posts,
        Long olderBefore) {
}
