package org.takedown.watch;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code KEYWORD}: words to find as written (any case, Unicode compatibility forms alike); {@code REGEX}: a Java regex. */
public record WatchRuleRequest(@NotNull WatchRule.Kind kind, @NotBlank @Size(max = 300) String pattern) {
}
