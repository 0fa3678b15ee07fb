package org.takedown.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.takedown.common.Placeholders;
import org.takedown.operation.Operation;

/**
 * Turns a notice into the messages Telegram will receive, per language: officer text (Telegram HTML) with
 * {@code {operation}}, {@code {reference}} and {@code {url}} filled by code with escaped values, the reference line
 * appended to every message, and the whole checked as Telegram would check it. A text that renders here without
 * problems is one Telegram accepts.
 */
@ApplicationScoped
public class NoticeRenderer {

    @Inject
    TelegramConfig config;

    /** The messages for one language, or the problems that stop them being sent. */
    public record Rendered(String language, List<String> messages, List<Integer> lengths, List<String> problems) {

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public Rendered render(Operation operation, String language, String officerText, NoticeOverflow overflow) {
        Map<String, String> values = Map.of(
                "operation", TelegramHtml.escape(operation.name),
                "reference", TelegramHtml.escape(operation.codeName),
                "url", TelegramHtml.escape(verificationUrl(operation.codeName)));
        String body = Placeholders.fill(officerText.strip(), values);
        String reference = Placeholders.fill(config.referenceLine(), values).strip();
        List<String> problems = new ArrayList<>();
        TelegramHtml.Parsed bodyParsed = TelegramHtml.parse(body);
        bodyParsed.problems().forEach(p -> problems.add("text: " + p));
        TelegramHtml.Parsed referenceParsed = TelegramHtml.parse(reference);
        referenceParsed.problems().forEach(p -> problems.add("reference line: " + p));
        if (!problems.isEmpty()) {
            return new Rendered(language, List.of(), List.of(), problems);
        }
        String separator = "\n\n";
        int room = TelegramHtml.MESSAGE_LIMIT - referenceParsed.length() - separator.length();
        List<String> bodies;
        if (bodyParsed.length() <= room) {
            bodies = List.of(body);
        } else if (overflow == NoticeOverflow.SPLIT) {
            Optional<List<String>> split = NoticeSplitter.split(body, room);
            if (split.isEmpty()) {
                return new Rendered(language, List.of(), List.of(), List.of("text: " + bodyParsed.length()
                        + " characters cannot be split: a formatted passage or a word is longer than one message (" + room + ")"));
            }
            bodies = split.get();
        } else {
            return new Rendered(language, List.of(), List.of(), List.of("text: " + bodyParsed.length() + " characters, at most "
                    + room + " fit in one message with the reference line; shorten it or choose overflow SPLIT"));
        }
        List<String> messages = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        for (String part : bodies) {
            String message = part + separator + reference;
            TelegramHtml.Parsed parsed = TelegramHtml.parse(message);
            if (!parsed.ok() || parsed.length() > TelegramHtml.MESSAGE_LIMIT) {
                throw new IllegalStateException("A split part failed the check it was built to pass: " + parsed.problems());
            }
            messages.add(message);
            lengths.add(parsed.length());
        }
        return new Rendered(language, List.copyOf(messages), List.copyOf(lengths), List.of());
    }

    private String verificationUrl(String reference) {
        return config.verificationUrl().map(url -> url + (url.contains("?") ? "&" : "?") + "ref="
                + URLEncoder.encode(reference, StandardCharsets.UTF_8)).orElse("");
    }
}
