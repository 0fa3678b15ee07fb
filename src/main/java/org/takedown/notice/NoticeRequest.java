package org.takedown.notice;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.takedown.common.LanguageTag;
import org.takedown.common.SingleLine;

/**
 * A notice: text per language ({@code defaultLanguage} must be among them) in Telegram HTML, with the placeholders
 * {@code {operation}}, {@code {reference}} and {@code {url}}; its audience — all the operation's targets
 * ({@code allTargets}, the default) or the listed {@code targetIds}; whether to pin it; and whether a text too long
 * for one message is refused (the default) or split.
 */
@JsonIgnoreProperties({"id", "operationId", "imageSha256", "blockedReason", "createdAt", "updatedAt"})
public record NoticeRequest(
        @NotBlank @Size(max = 200) @SingleLine String title,
        @NotNull @LanguageTag String defaultLanguage,
        @NotEmpty @Size(max = 30) Map<@NotNull @LanguageTag String, @NotBlank @Size(max = 20000) String> texts,
        Boolean pin,
        Boolean allTargets,
        @Size(max = 10000) List<@NotNull Long> targetIds,
        NoticeOverflow overflow,
        Boolean silent,
        @Valid NoticeSchedule schedule) {

    public NoticeRequest(
            String title,
            String defaultLanguage,
            Map<String, String> texts,
            Boolean pin,
            Boolean allTargets,
            List<Long> targetIds) {
        this(title, defaultLanguage, texts, pin, allTargets, targetIds, null, null, null);
    }
}
