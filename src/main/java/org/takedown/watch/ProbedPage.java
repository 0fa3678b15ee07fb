package org.takedown.watch;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;
import org.takedown.common.TextClip;

/** What a probe reads from a fetched page: its title, its text, its links, and whether it is our seizure banner. */
record ProbedPage(String title, String text, List<String> links, boolean bannerShown) {

    /** Links kept per page for discovery; a page of ten thousand links is not an index to crawl. */
    static final int MAX_LINKS = 500;

    /** The marker every banner template carries ({@code templates/banner/banner.html}). */
    static final String BANNER_MARKER = "meta[name=takedown][content=seizure-banner]";

    private static final Evaluator BANNER = Selector.evaluatorOf(BANNER_MARKER);
    private static final Evaluator LINK = Selector.evaluatorOf("a[href]");

    static ProbedPage of(Fetched fetched) {
        Document document = Jsoup.parse(
                new String(fetched.body(), StandardCharsets.UTF_8),
                fetched.url().toString());
        String title = document.title().strip();
        String text = document.body() == null ? "" : document.body().text();
        // A seized domain may be served as 451 Unavailable For Legal Reasons; the banner is there all the same.
        boolean banner = (fetched.status() == 200 || fetched.status() == 451) && document.selectFirst(BANNER) != null;
        List<String> links = document.select(LINK).stream()
                .map(a -> a.absUrl("href"))
                .filter(href -> href.startsWith("http://") || href.startsWith("https://"))
                .distinct()
                .limit(MAX_LINKS)
                .toList();
        return new ProbedPage(TextClip.clip(title, 500), text, links, banner);
    }
}
