package org.takedown.notice;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits a Telegram HTML text that is too long for one message. Splits fall only where no tag is open, so every part
 * is valid markup on its own: a paragraph break if there is one in the second half of the room left, else a line
 * break, else a space, as late as possible. Empty when that is impossible (one formatted passage or word longer than
 * the limit). The first part may have a smaller limit (a photo caption). Expects markup that {@link TelegramHtml}
 * accepts.
 */
final class NoticeSplitter {

    /** A place to split: its index in the source, the text length before it, and how natural a break it is. */
    private record Break(int source, int plain, int rank) {}

    private NoticeSplitter() {}

    static Optional<List<String>> split(String html, int limit) {
        return split(html, limit, limit);
    }

    static Optional<List<String>> split(String html, int firstLimit, int limit) {
        List<Break> breaks = new ArrayList<>();
        int depth = 0;
        int plain = 0;
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            if (c == '<') {
                depth += html.charAt(i + 1) == '/' ? -1 : 1;
                i = html.indexOf('>', i);
            } else if (c == '&') {
                int end = html.indexOf(';', i);
                plain += TelegramHtml.entity(html.substring(i + 1, end)).length();
                i = end;
            } else {
                if (depth == 0 && (c == '\n' || c == ' ')) {
                    boolean paragraph = c == '\n' && i + 1 < html.length() && html.charAt(i + 1) == '\n';
                    breaks.add(new Break(i, plain, paragraph ? 2 : c == '\n' ? 1 : 0));
                }
                plain++;
            }
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        int startPlain = 0;
        while (plain - startPlain > (parts.isEmpty() ? firstLimit : limit)) {
            Break chosen = choose(breaks, start, startPlain, parts.isEmpty() ? firstLimit : limit);
            if (chosen == null) {
                return Optional.empty();
            }
            parts.add(html.substring(start, chosen.source()).strip());
            start = chosen.source() + 1;
            startPlain = chosen.plain() + 1;
        }
        parts.add(html.substring(start).strip());
        parts.removeIf(String::isEmpty);
        return Optional.of(parts);
    }

    private static Break choose(List<Break> breaks, int start, int startPlain, int limit) {
        Break best = null;
        Break latest = null;
        for (Break candidate : breaks) {
            int used = candidate.plain() - startPlain;
            if (candidate.source() < start || used > limit) {
                continue;
            }
            latest = candidate;
            if (used >= limit / 2 && (best == null || candidate.rank() >= best.rank())) {
                best = candidate;
            }
        }
        return best != null ? best : latest;
    }
}
