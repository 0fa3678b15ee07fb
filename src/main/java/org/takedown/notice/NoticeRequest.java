package org.takedown.notice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * A notice: text per language ({@code defaultLanguage} must be among them), its audience — all the operation's
 * targets ({@code allTargets}, the default) or the listed {@code targetIds} — and whether to pin it.
 */
public record NoticeRequest(
        @NotBlank @Size(max = 200) String title,
        @NotNull @Pattern(regexp = NoticeRequest.LANGUAGE, message = NoticeRequest.LANGUAGE_MESSAGE) String defaultLanguage,
        @NotEmpty @Size(max = 30) Map<@NotNull @Pattern(regexp = NoticeRequest.LANGUAGE, message = NoticeRequest.LANGUAGE_MESSAGE) String,
                @NotBlank @Size(max = 10000) String> texts,
        Boolean pin,
        Boolean allTargets,
        @Size(max = 10000) List<@NotNull Long> targetIds) {

    static final String LANGUAGE = "[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,3}";
    static final String LANGUAGE_MESSAGE = "must be a language tag such as en or pt-BR";
}
