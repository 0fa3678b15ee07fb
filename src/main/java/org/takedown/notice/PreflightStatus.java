package org.takedown.notice;

/** Whether the bot can post to a target, as preflight last found. */
public enum PreflightStatus {
    /** Never checked. */
    NOT_CHECKED,
    /** Dry-run: there is no bot to check with. */
    DRY_RUN,
    /** The bot can post: admin with post rights in a channel, member with send rights in a group. */
    OK,
    /** The bot is not in the chat (left, kicked, never added). */
    NOT_MEMBER,
    /** The bot is in the chat but may not post (not admin of a channel, restricted in a group). */
    NO_RIGHTS,
    /** Telegram does not know the chat, or the bot cannot see it. */
    NOT_FOUND,
    /** Not a channel or group (a private chat or unknown kind). */
    UNSUPPORTED_CHAT,
    /** The check itself failed (network, Telegram error); try again. */
    FAILED;

    /** Telegram says the bot may not post there (as opposed to: not checked, or the check failed). */
    public boolean refusesTheBot() {
        return this == NOT_MEMBER || this == NO_RIGHTS || this == NOT_FOUND || this == UNSUPPORTED_CHAT;
    }
}
