package org.takedown.seizure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything needed to render one operation's banner, copied out of the database when the snapshot is built, plus
 * the cache of pages rendered from it. Immutable apart from the cache; a new snapshot brings a new, empty cache.
 */
final class OperationBanner {

    record Authority(String type, String reference, String issuedBy, LocalDate issuedOn) {}

    record Agency(String name, String website, String emblemType, byte[] emblem, String emblemSha256) {

        String emblemPath() {
            return emblem == null
                    ? null
                    : "emblem/" + emblemSha256 + (emblemType.equals("image/png") ? ".png" : ".svg");
        }
    }

    record Texts(String headline, String authorityStatement, String message, String ctaLabel, String countdownLabel) {}

    record Stage(Instant revealAt, Map<String, StageText> texts) {}

    record StageText(String title, String body) {}

    final long operationId;
    final String name;
    final String timezone;
    final Authority authority;
    final List<Agency> agencies;
    final String defaultLanguage;
    /** By canonical language tag; empty when the officers wrote no banner texts (built-in defaults apply). */
    final Map<String, Texts> texts;

    final String ctaUrl;
    final String ctaEmail;
    final List<Stage> stages;
    final VisitLogMode visitLog;

    private record PageKey(String host, String language, int stage) {}

    private final Map<PageKey, RenderedPage> pages = new ConcurrentHashMap<>();

    OperationBanner(
            long operationId,
            String name,
            String timezone,
            Authority authority,
            List<Agency> agencies,
            String defaultLanguage,
            Map<String, Texts> texts,
            String ctaUrl,
            String ctaEmail,
            List<Stage> stages,
            VisitLogMode visitLog) {
        this.operationId = operationId;
        this.name = name;
        this.timezone = timezone;
        this.authority = authority;
        this.agencies = List.copyOf(agencies);
        this.defaultLanguage = defaultLanguage;
        this.texts = Map.copyOf(texts);
        this.ctaUrl = ctaUrl;
        this.ctaEmail = ctaEmail;
        this.stages = List.copyOf(stages);
        this.visitLog = visitLog;
    }

    List<String> languages() {
        return texts.isEmpty()
                ? List.of(defaultLanguage)
                : texts.keySet().stream().sorted().toList();
    }

    /** How many stages are revealed at {@code now}. */
    int stageAt(Instant now) {
        int revealed = 0;
        for (Stage stage : stages) {
            if (now.isBefore(stage.revealAt())) {
                break;
            }
            revealed++;
        }
        return revealed;
    }

    Agency agencyByEmblem(String path) {
        for (Agency agency : agencies) {
            if (path.equals(agency.emblemPath())) {
                return agency;
            }
        }
        return null;
    }

    /** The cached page for this host, language and stage, rendered again only once it has expired. */
    RenderedPage page(LiveHost host, String language, Instant now, BannerRenderer renderer) {
        int stage = stageAt(now);
        PageKey key = new PageKey(host.host(), language, stage);
        RenderedPage page = pages.get(key);
        if (page == null || !now.isBefore(page.validUntil())) {
            page = renderer.render(this, host, language, stage, now);
            pages.put(key, page);
        }
        return page;
    }
}
