package org.takedown.notice;

import java.util.Locale;

/** What became of one request to Telegram, in the terms the delivery ledger needs. */
public sealed interface SendOutcome {

    /** Delivered; Telegram's message id, and for a photo Telegram's id of the file (to send it again without upload). */
    record Sent(int messageId, String photoFileId) implements SendOutcome {

        Sent(int messageId) {
            this(messageId, null);
        }
    }

    /** 429: wait exactly this long before the next request to this chat. Not a failure. */
    record RateLimited(int retryAfterSeconds) implements SendOutcome {}

    /** The group became a supergroup with this id: update the target and send again. */
    record Migrated(long newChatId) implements SendOutcome {}

    /** The bot may not post there (kicked, not a member, blocked, no rights, chat gone): suspend the target. */
    record TargetGone(String reason) implements SendOutcome {}

    /** Telegram refused the content (markup, length): the notice is blocked until fixed. */
    record ContentRefused(String reason) implements SendOutcome {}

    /** Not delivered; {@code retryable} when trying again later may succeed (5xx, network before sending). */
    record Failed(String reason, boolean retryable) implements SendOutcome {}

    /** The request may or may not have been delivered (no answer in time): never resent automatically. */
    record Unknown(String reason) implements SendOutcome {}

    /** Classifies an error answer of the Bot API ({@code ok: false}). */
    static SendOutcome ofError(Integer code, String description, Integer retryAfter, Long migrateTo) {
        String text = description == null ? "" : description;
        String lower = text.toLowerCase(Locale.ROOT);
        int status = code == null ? 0 : code;
        if (status == 429 || retryAfter != null) {
            return new RateLimited(retryAfter == null ? 1 : Math.max(1, retryAfter));
        }
        if (migrateTo != null) {
            return new Migrated(migrateTo);
        }
        if (status == 403) {
            return new TargetGone(text);
        }
        if (status == 400
                && (lower.contains("chat not found")
                        || lower.contains("not enough rights")
                        || lower.contains("need administrator rights")
                        || lower.contains("have no rights")
                        || lower.contains("chat_write_forbidden")
                        || lower.contains("not a member"))) {
            return new TargetGone(text);
        }
        if (status == 400
                && (lower.contains("parse entities")
                        || lower.contains("too long")
                        || lower.contains("must be non-empty")
                        || lower.contains("text is empty")
                        || lower.contains("message_too_long")
                        || lower.contains("caption")
                        || lower.contains("photo_invalid")
                        || lower.contains("image_process_failed")
                        || lower.contains("photo_ext_invalid"))) {
            return new ContentRefused(text);
        }
        if (status >= 500) {
            return new Failed(status + " " + text, true);
        }
        if (status == 0) {
            // Not an answer from the Bot API (no JSON): the request may have reached Telegram.
            return new Unknown("unreadable answer: " + text);
        }
        return new Failed(status + " " + text, false);
    }
}
