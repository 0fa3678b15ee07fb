package org.takedown.seizure;

import com.ibm.icu.text.MeasureFormat;
import com.ibm.icu.util.Measure;
import com.ibm.icu.util.MeasureUnit;
import com.ibm.icu.util.ULocale;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.takedown.common.DeterministicJson;
import org.takedown.common.HostNames;
import org.takedown.common.OfficerText;
import org.takedown.common.Placeholders;
import org.takedown.common.WritingDirection;

/**
 * Renders a banner page: officer texts in the chosen language (falling back field by field to the default
 * language, then to built-in English defaults), placeholders filled by code, then the page template, which
 * escapes every value.
 */
@ApplicationScoped
public class BannerRenderer {

    static final String ASSET_PREFIX = "/.seized/";
    static final String DEFAULT_HEADLINE = "This website has been seized";
    static final String DEFAULT_CTA_LABEL = "Find out more";
    static final String DEFAULT_COUNTDOWN_LABEL = "More information will be published in";

    @Inject
    BannerTemplates templates;

    RenderedPage render(OperationBanner banner, LiveHost host, String language, int stage, Instant now) {
        BannerPage page = page(banner, host, language, stage, now);
        byte[] html = templates.page().data("page", page).render().getBytes(StandardCharsets.UTF_8);
        Instant validUntil = page.countdown() == null
                ? Instant.MAX
                : min(
                        now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES),
                        banner.stages.get(stage).revealAt());
        return new RenderedPage(
                html, gzip(html), "\"" + DeterministicJson.sha256Hex(html).substring(0, 40) + "\"", validUntil);
    }

    BannerPage page(OperationBanner banner, LiveHost host, String language, int stage, Instant now) {
        Locale locale = Locale.forLanguageTag(language);
        DateTimeFormatter longDate =
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        OperationBanner.Texts own = banner.texts.get(language);
        OperationBanner.Texts fallback = banner.texts.get(banner.defaultLanguage);
        String domain = HostNames.toDisplay(host.host());
        // Each value isolated: officer text around it (with its own bidirectional controls) cannot reorder it.
        Map<String, String> values = Map.of(
                "domain",
                OfficerText.isolate(domain),
                "operation",
                OfficerText.isolate(banner.name),
                "date",
                OfficerText.isolate(longDate.format(host.seizedOn())));
        String headline = pick(own, fallback, OperationBanner.Texts::headline, DEFAULT_HEADLINE);
        String authority = pick(
                own,
                fallback,
                OperationBanner.Texts::authorityStatement,
                defaultStatement(banner, longDate.format(banner.authority.issuedOn())));
        String message = pick(own, fallback, OperationBanner.Texts::message, null);
        BannerPage.CallToAction cta = banner.ctaUrl == null && banner.ctaEmail == null
                ? null
                : new BannerPage.CallToAction(
                        banner.ctaUrl,
                        banner.ctaEmail,
                        Placeholders.fill(
                                pick(own, fallback, OperationBanner.Texts::ctaLabel, DEFAULT_CTA_LABEL), values));
        List<BannerPage.Stage> stages = new ArrayList<>();
        for (OperationBanner.Stage revealed : banner.stages.subList(0, stage)) {
            OperationBanner.StageText text =
                    revealed.texts().getOrDefault(language, revealed.texts().get(banner.defaultLanguage));
            stages.add(new BannerPage.Stage(
                    Placeholders.fill(text.title(), values), Placeholders.fill(text.body(), values)));
        }
        BannerPage.Countdown countdown = null;
        if (stage < banner.stages.size()) {
            Instant reveal = banner.stages.get(stage).revealAt();
            countdown = new BannerPage.Countdown(
                    Placeholders.fill(
                            pick(own, fallback, OperationBanner.Texts::countdownLabel, DEFAULT_COUNTDOWN_LABEL),
                            values),
                    reveal.toString(),
                    DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                                    .withLocale(locale)
                                    .withZone(ZoneId.of(banner.timezone))
                                    .format(reveal)
                            + " (" + banner.timezone + ")",
                    remaining(Duration.between(now, reveal), language));
        }
        List<BannerPage.LanguageLink> languages = banner.languages().stream()
                .map(tag -> new BannerPage.LanguageLink(
                        tag, LanguageChoice.nativeName(tag), "?lang=" + tag, tag.equals(language)))
                .toList();
        List<BannerPage.Agency> agencies = banner.agencies.stream()
                .map(a -> new BannerPage.Agency(
                        a.name(), a.website(), a.emblemPath() == null ? null : ASSET_PREFIX + a.emblemPath()))
                .toList();
        return new BannerPage(
                language,
                WritingDirection.isRightToLeft(language) ? "rtl" : "ltr",
                domain,
                Placeholders.fill(headline, values),
                Placeholders.fill(authority, values),
                Placeholders.fill(message, values),
                cta,
                agencies,
                stages,
                countdown,
                languages,
                ASSET_PREFIX + "banner.css",
                countdown == null ? null : ASSET_PREFIX + "countdown.js",
                ASSET_PREFIX + "favicon.svg");
    }

    /**
     * The time left in the page's language, with CLDR's narrow unit names ("2d 23h 5m", "2 T, 23h und 5 Min.", "2 ي و23 س
     * و5 د"); days only when there are any. Minutes precision, so a page stays the same bytes for a minute; the script
     * ticks the seconds with the browser's own CLDR data.
     */
    static String remaining(Duration left, String language) {
        long minutes = Math.max(0, left.toMinutes());
        long days = minutes / 1440;
        Measure hours = new Measure(minutes % 1440 / 60, MeasureUnit.HOUR);
        Measure rest = new Measure(minutes % 60, MeasureUnit.MINUTE);
        MeasureFormat format =
                MeasureFormat.getInstance(ULocale.forLanguageTag(language), MeasureFormat.FormatWidth.NARROW);
        return days > 0
                ? format.formatMeasures(new Measure(days, MeasureUnit.DAY), hours, rest)
                : format.formatMeasures(hours, rest);
    }

    /** Used when the officers wrote no statement: who seized the domain and under which authority. */
    private static String defaultStatement(OperationBanner banner, String issuedOn) {
        String agencies =
                banner.agencies.stream().map(a -> OfficerText.isolate(a.name())).collect(Collectors.joining(", "));
        return "This domain has been seized" + (agencies.isEmpty() ? "" : " by " + agencies) + " under "
                + banner.authority.type().toLowerCase(Locale.ROOT).replace('_', ' ') + " "
                + OfficerText.isolate(banner.authority.reference())
                + ", issued by " + OfficerText.isolate(banner.authority.issuedBy()) + " on " + issuedOn + ".";
    }

    private static String pick(
            OperationBanner.Texts own,
            OperationBanner.Texts fallback,
            java.util.function.Function<OperationBanner.Texts, String> field,
            String builtIn) {
        String value = own == null ? null : field.apply(own);
        if ((value == null || value.isBlank()) && fallback != null) {
            value = field.apply(fallback);
        }
        return value == null || value.isBlank() ? builtIn : value;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
