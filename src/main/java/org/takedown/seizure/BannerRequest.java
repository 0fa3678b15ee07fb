package org.takedown.seizure;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.takedown.common.HttpsUrl;
import org.takedown.common.LanguageTag;
import org.takedown.common.SingleLine;

/**
 * The whole banner of an operation (a PUT replaces it). Texts are officer data: escaped when rendered, with the
 * placeholders {@code {domain}}, {@code {operation}} and {@code {date}} filled in by code. Stage reveal times are
 * local times in the operation's zone. {@code defaultLanguage} must have texts, in the banner and in every stage.
 */
@JsonIgnoreProperties({"configured"})
public record BannerRequest(
        @NotNull @LanguageTag String defaultLanguage,
        @NotEmpty @Size(max = 30) Map<@NotNull @LanguageTag String, @NotNull @Valid Texts> texts,
        @Valid CallToAction callToAction,
        @Size(max = 20) List<@NotNull @Valid Stage> stages,
        VisitLogMode visitLog,
        @Min(1) @Max(3650) Integer visitRetentionDays) {

    public record Texts(
            @NotBlank @Size(max = 300) @SingleLine String headline,
            @Size(max = 2000) String authorityStatement,
            @Size(max = 4000) String message,
            @Size(max = 200) @SingleLine String callToActionLabel,
            @Size(max = 300) @SingleLine String countdownLabel) {}

    /** An https link and/or an e-mail address for visitors (e.g. victims) to contact. */
    public record CallToAction(
            @HttpsUrl String url,

            @Size(max = 254)
            @Pattern(
                    regexp = "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}",
                    message = "must be an e-mail address")
            String email) {}

    @JsonIgnoreProperties({"revealAtUtc"})
    public record Stage(
            @NotNull LocalDateTime revealAt,
            @NotEmpty @Size(max = 30) Map<@NotNull @LanguageTag String, @NotNull @Valid StageTexts> texts) {}

    public record StageTexts(
            @NotBlank @Size(max = 300) @SingleLine String title,
            @Size(max = 4000) String body) {}
}
