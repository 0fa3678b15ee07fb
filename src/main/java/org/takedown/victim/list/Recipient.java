package org.takedown.victim.list;

import java.util.Map;

/**
 * A victim as a message sees them: their language and the values its placeholders may name (their name under
 * {@code name}, their list's columns under theirs), opened in memory only. Never logged, never shown.
 */
public record Recipient(long victimId, String language, Map<String, String> values) {

    @Override
    public String toString() {
        return "Recipient[victimId=" + victimId + "]";
    }
}
