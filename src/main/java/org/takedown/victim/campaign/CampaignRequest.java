package org.takedown.victim.campaign;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import org.takedown.common.LanguageTag;
import org.takedown.common.SingleLine;

/**
 * An SMS campaign: the list it goes to, the text per language ({@code defaultLanguage} among them) holding
 * {@code {reference}} and any of {@code {name}} or the list's columns ({@code {bank}}), a fallback for every such
 * placeholder, the sender ID, and the window in the operation's zone: from {@code start} to {@code end} (the deadline),
 * except daily quiet hours from {@code quietFrom} to {@code quietUntil} (both or neither). {@code maxFragments} caps
 * the parts a message may take (default: {@code takedown.victims.sms.max-fragments}). {@code provider}: the SMSC over
 * SMPP (default) or GOV.UK Notify; {@code fallbackProvider}: the other one, which the messages not yet sent move to
 * when the provider is down (none: they wait for it).
 */
public record CampaignRequest(
        @NotBlank @Size(max = 200) @SingleLine String name,
        @NotNull Long listId,

        @NotNull @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9-]{2,29}", message = "must be 3 to 30 letters, digits or -")
        String reference,

        @NotNull @Size(max = 20) String senderId,
        @NotNull @LanguageTag String defaultLanguage,
        @NotEmpty @Size(max = 30) Map<@NotNull @LanguageTag String, @NotBlank @Size(max = 2000) String> texts,

        @Size(max = 40)
        Map<
                        @NotNull @Pattern(regexp = "[a-z][a-z0-9_]{0,39}", message = "must name a placeholder") String,
                        @NotBlank @Size(max = 200) @SingleLine String>
                fallbacks,

        @NotNull LocalDateTime start,
        @NotNull LocalDateTime end,
        LocalTime quietFrom,
        LocalTime quietUntil,
        @Min(1) @Max(10) Integer maxFragments,
        SmsProvider provider,
        SmsProvider fallbackProvider) {}
