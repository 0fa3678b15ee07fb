package org.takedown.watch;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.takedown.common.SingleLine;

/**
 * {@code KEYWORD}: words to find as written (any case, Unicode compatibility forms alike); {@code REGEX}: a Java regex.
 * {@code reactWithNotice}: a notice of the same operation to send when a new post matches (changing it, or the pattern
 * of a reacting rule, needs approval again); {@code reactionsPaused}: hold reactions back.
 */
@JsonIgnoreProperties({"id", "operationId", "createdAt"})
public record WatchRuleRequest(
        @NotNull WatchRule.Kind kind,
        @NotBlank @Size(max = 300) @SingleLine String pattern,
        Long reactWithNotice,
        Boolean reactionsPaused) {

    public WatchRuleRequest(WatchRule.Kind kind, String pattern) {
        this(kind, pattern, null, null);
    }
}
