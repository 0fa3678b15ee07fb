package org.takedown.victim.sms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Set;
import org.jboss.logging.Logger;
import org.takedown.victim.suppression.SuppressionList;

/**
 * What a victim texts back, whichever provider brings it: STOP (or one of the usual words for it, any case, spaces
 * around) adds the number to the force's suppression list, once, audited under {@link #ACTOR}; anything else a victim
 * writes is neither read nor kept. Nothing about the reply is logged but the number masked.
 */
@ApplicationScoped
public class StopReplies {

    /** Who the service records as having added a number to the suppression list when its phone answered STOP. */
    public static final String ACTOR = "sms:reply";

    private static final Logger LOG = Logger.getLogger(StopReplies.class);

    private static final Set<String> STOP_WORDS = Set.of("STOP", "STOPALL", "STOP ALL", "UNSUBSCRIBE", "END", "QUIT");

    @Inject
    SuppressionList suppressions;

    /** A reply from {@code from} (a number as the provider writes it, with or without {@code +}); true if it was STOP. */
    public boolean received(String provider, String from, String text) {
        String word = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        if (!STOP_WORDS.contains(word) || from == null || from.isBlank()) {
            return false;
        }
        suppressions
                .addReply(ACTOR, from)
                .ifPresent(added -> LOG.infof("%s: a STOP reply suppressed %s", provider, added.masked));
        return true;
    }
}
