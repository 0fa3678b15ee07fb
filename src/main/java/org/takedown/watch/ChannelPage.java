package org.takedown.watch;

import java.util.List;
import java.util.OptionalLong;
import java.util.stream.LongStream;

/**
 * One page of a channel's public preview: the channel's title, description and subscriber count, its posts (oldest
 * first), and the {@code before} id that loads the page of older posts (null on the oldest page). Posts the reader
 * already had (at or below the mark it was given) are listed by id only, in {@code knownPostIds}, except those Telegram
 * marks as edited, which are read in full ({@code editedKnownPosts}) so that a changed text is noticed.
 */
public record ChannelPage(
        String channel,
        String title,
        String description,
        Long subscribers,
        List<ChannelPost> posts,
        List<Long> knownPostIds,
        List<ChannelPost> editedKnownPosts,
        Long olderBefore) {

    public boolean hasPosts() {
        return !posts.isEmpty() || !knownPostIds.isEmpty();
    }

    /** The newest post id on the page, read or known. */
    public OptionalLong newestPostId() {
        return LongStream.concat(
                        posts.stream().mapToLong(ChannelPost::id),
                        knownPostIds.stream().mapToLong(Long::longValue))
                .max();
    }
}
