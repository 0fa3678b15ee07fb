package org.takedown.logging;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;
import org.takedown.common.OfficerText;

/**
 * Log messages carry values from outside (URLs, chat names, Telegram's error texts, officer input): a CR or LF in one
 * could forge a log line, other control characters can mislead a terminal. This filter rewrites each message with
 * every control character (and the Unicode line and paragraph separators, and the bidirectional controls, which
 * would reorder the rest of the line in a terminal) written out as an escape such as {@code \n} or {@code \u202e}.
 * It is on the console handler in every profile; JSON output escapes again as JSON requires.
 */
@LoggingFilter(name = "escape-control-characters")
public final class LogValueEscaping implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            String message = ext.getFormattedMessage();
            String escaped = escape(message);
            if (escaped != message) {
                ext.setMessage(escaped, ExtLogRecord.FormatStyle.NO_FORMAT);
                ext.setParameters(null);
            }
        }
        return true;
    }

    /** The text with control characters escaped; the same instance when there were none. */
    public static String escape(String text) {
        if (text == null || text.chars().noneMatch(LogValueEscaping::needsEscape)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.chars().forEach(c -> {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (needsEscape(c)) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.append((char) c);
                    }
                }
            }
        });
        return out.toString();
    }

    private static boolean needsEscape(int c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || OfficerText.isBidiControl(c);
    }
}
