package org.takedown.seizure;

import java.util.List;

/**
 * What a banner template sees. Every string is plain text (officer text with placeholders already filled);
 * the template engine escapes it. URLs are either validated https links or paths on the seized host itself.
 */
public record BannerPage(
        String lang,
        String dir,
        String domain,
        String headline,
        String authorityStatement,
        String message,
        CallToAction callToAction,
        List<Agency> agencies,
        List<Stage> stages,
        Countdown countdown,
        List<LanguageLink> languages,
        String stylesheet,
        String script,
        String favicon) {

    public record CallToAction(String url, String email, String label) {}

    public record Agency(String name, String website, String emblem) {}

    public record Stage(String title, String body) {}

    /** Time to the next reveal, rendered on the server; {@code script} may tick {@code remaining} in the browser. */
    public record Countdown(String label, String target, String targetText, String remaining) {}

    public record LanguageLink(String code, String name, String href, boolean current) {}
}
