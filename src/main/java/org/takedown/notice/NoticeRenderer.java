package org.takedown.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.takedown.common.OfficerText;
import org.takedown.common.Placeholders;
import org.takedown.operation.Operation;

/**
 * Turns a notice into the messages Telegram will receive, per language: officer text (Telegram HTML) with
 * {@code {operation}}, {@code {reference}} and {@code {url}} filled by code with escaped values, the reference line
 * appended to every message, and the whole checked as Telegram would check it. A text that renders here without
 * problems is one Telegram accepts. With an image the first message is the photo's caption (at most 1,024 characters
 * instead of 4,096).
 */
@ApplicationScoped
public class NoticeRenderer {

    @Inject
    TelegramConfig config;

    /** The messages for one language (with a photo: the first is its caption), or the problems that stop them being sent. */
    public record Rendered(
            String language, boolean photo, List<String> messages, List<Integer> lengths, List<String> problems) {

        public boolean ok() {
            return problems.isEmpty();
        }

        /** The most characters Telegram takes in message {@code index}: a photo caption first, then whole messages. */
        public int limit(int index) {
            return NoticeRenderer.limit(photo, index);
        }
    }

    public Rendered render(
            Operation operation, String language, String officerText, NoticeOverflow overflow, boolean photo) {
        // Each value isolated: bidirectional controls in the officer's text around it cannot reorder it.
        Map<String, String> values = Map.of(
                "operation", OfficerText.isolate(TelegramHtml.escape(operation.name)),
                "reference", TelegramHtml.escape(operation.codeName), // A-Z, 0-9 and '-': nothing to isolate
                "url", TelegramHtml.escape(verificationUrl(operation.codeName))); // may be a link's href: not isolated
        String body = Placeholders.fill(officerText.strip(), values);
        String reference = Placeholders.fill(config.referenceLine(), values).strip();
        List<String> problems = new ArrayList<>();
        TelegramHtml.Parsed bodyParsed = TelegramHtml.parse(body);
        bodyParsed.problems().forEach(p -> problems.add("text: " + p));
        OfficerText.unbalancedBidi(bodyParsed.text()).ifPresent(p -> problems.add("text: " + p));
        TelegramHtml.Parsed referenceParsed = TelegramHtml.parse(reference);
        referenceParsed.problems().forEach(p -> problems.add("reference line: " + p));
        if (!problems.isEmpty()) {
            return refused(language, photo, problems);
        }
        String separator = "\n\n";
        int extra = referenceParsed.length() + separator.length();
        int room = TelegramHtml.MESSAGE_LIMIT - extra;
        int firstRoom = photo ? TelegramHtml.CAPTION_LIMIT - extra : room;
        List<String> bodies;
        if (bodyParsed.length() <= firstRoom) {
            bodies = List.of(body);
        } else if (overflow == NoticeOverflow.SPLIT) {
            Optional<List<String>> split = NoticeSplitter.split(body, firstRoom, room);
            if (split.isEmpty()) {
                return refused(
                        language,
                        photo,
                        List.of("text: " + bodyParsed.length() + " characters cannot be split: a formatted "
                                + "passage or a word is longer than "
                                + (photo ? "the photo caption (" + firstRoom + ")" : "one message (" + room + ")")));
            }
            bodies = split.get();
        } else {
            return refused(
                    language,
                    photo,
                    List.of("text: " + bodyParsed.length() + " characters, at most " + firstRoom + " fit in "
                            + (photo ? "a photo caption" : "one message") + " with the reference line; shorten it"
                            + (photo ? ", remove the image" : "") + " or choose overflow SPLIT"));
        }
        List<String> messages = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        for (String part : bodies) {
            String message = part + separator + reference;
            TelegramHtml.Parsed parsed = TelegramHtml.parse(message);
            if (!parsed.ok() || parsed.length() > limit(photo, messages.size())) {
                throw new IllegalStateException(
                        "A split part failed the check it was built to pass: " + parsed.problems());
            }
            messages.add(message);
            lengths.add(parsed.length());
        }
        return new Rendered(language, photo, List.copyOf(messages), List.copyOf(lengths), List.of());
    }

    private static int limit(boolean photo, int index) {
        return photo && index == 0 ? TelegramHtml.CAPTION_LIMIT : TelegramHtml.MESSAGE_LIMIT;
    }

    private static Rendered refused(String language, boolean photo, List<String> problems) {
        return new Rendered(language, photo, List.of(), List.of(), problems);
    }

    private String verificationUrl(String reference) {
        return config.verificationUrl()
                .map(url -> url + (url.contains("?") ? "&" : "?") + "ref="
                        + URLEncoder.encode(reference, StandardCharsets.UTF_8))
                .orElse("");
    }
}
