package org.takedown.watch;

/** What reading one page of a channel's public preview gave. None of the failures is ever "no posts". */
public sealed interface ChannelRead {

    /** The page, as parsed, and the fetch it came from (kept as evidence when it gave new posts). */
    record Page(ChannelPage page, Fetched fetched) implements ChannelRead {}

    /** Telegram shows no public preview (redirected away from {@code /s/}: private, or previews turned off). */
    record NoPublicPreview(String detail) implements ChannelRead {}

    /** 429: read again no sooner than {@code retryAfterSeconds} (Telegram's Retry-After, or 60). */
    record RateLimited(int retryAfterSeconds) implements ChannelRead {}

    /** Any other failure: the status (0 without an answer) and what happened. */
    record Failed(int status, String detail) implements ChannelRead {}
}
