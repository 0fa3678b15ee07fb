package org.takedown.notice;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.takedown.common.LanguageTag;
import org.takedown.common.SingleLine;

/**
 * {@code chat}: a public {@code @username} or a numeric chat id such as {@code -1001234567890}; {@code language}: the
 * language its readers get (BCP 47; a notice without a text in it sends its default language).
 */
@JsonIgnoreProperties({
    "id",
    "operationId",
    "username",
    "chatId",
    "chatType",
    "chatTitle",
    "preflightStatus",
    "preflightDetail",
    "preflightAt",
    "suspended",
    "createdAt"
})
public record TelegramTargetRequest(
        @NotNull
        @Pattern(
                regexp = TelegramTargetRequest.CHAT,
                message = "must be @username (5-32 characters: letter, then letters, digits or _) or a numeric chat id")
        String chat,

        @Size(max = 200) @SingleLine String title,
        @LanguageTag String language) {

    public TelegramTargetRequest(String chat, String title) {
        this(chat, title, null);
    }

    static final String USERNAME = "[A-Za-z][A-Za-z0-9_]{4,31}";
    static final String CHAT = "@" + USERNAME + "|-?[1-9][0-9]{0,18}";
}
