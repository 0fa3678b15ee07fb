package org.takedown.notice;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code chat}: a public {@code @username} or a numeric chat id such as {@code -1001234567890}. */
public record TelegramTargetRequest(
        @NotNull @Pattern(regexp = TelegramTargetRequest.CHAT,
                message = "must be @username (5-32 characters: letter, then letters, digits or _) or a numeric chat id") String chat,
        @Size(max = 200) String title) {

    static final String USERNAME = "[A-Za-z][A-Za-z0-9_]{4,31}";
    static final String CHAT = "@" + USERNAME + "|-?[1-9][0-9]{0,18}";
}
