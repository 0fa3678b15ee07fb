package org.takedown.console;

/** Where a message sent by the bot can be seen: t.me links for public usernames and for channel ids. */
final class TelegramLinks {

    private TelegramLinks() {}

    /** The message's link, or null when Telegram gave no message id or the chat has no public link. */
    static String message(String chat, Long messageId) {
        if (chat == null || messageId == null) {
            return null;
        }
        if (chat.startsWith("@")) {
            return "https://t.me/" + chat.substring(1) + "/" + messageId;
        }
        if (chat.startsWith("-100")) {
            return "https://t.me/c/" + chat.substring(4) + "/" + messageId;
        }
        return null;
    }
}
