package org.takedown.notice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.takedown.common.LanguageTag;

/**
 * A notice: text per language ({@code defaultLanguage} must be among them), its audience — all the operation's
 * targets ({@code allTargets}, the default) or the listed {@code targetIds} — and whether to pin it.
 */
public record NoticeRequest(
        @NotBlank @Size(max = 200) String title,
        @NotNull @LanguageTag String defaultLanguage,
        @NotEmpty @Size(max = 30) Map<@NotNull @LanguageTag String, @NotBlank @Size(max = 10000) String> texts,
        Boolean pin,
        Boolean allTargets,
        @Size(max = 10000) List<@NotNull Long> targetIds) {
}
