package org.takedown.seizure;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Expression;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.Variant;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.takedown.common.DeterministicJson;

/**
 * The banner's page template and static assets, loaded once at start from the configured directory (an agency's
 * restyled files) or the built-in defaults. The page is compiled by a standalone Qute engine that knows no
 * namespaces (no {@code config:}, {@code cdi:}, {@code inject:} …): a template that uses one is refused at load
 * with a clear error, so the service does not start with it. Values are HTML-escaped.
 */
@ApplicationScoped
public class BannerTemplates {

    static final String PAGE = "banner.html";
    static final Map<String, String> ASSETS = Map.of(
            "banner.css", "text/css; charset=utf-8",
            "countdown.js", "text/javascript; charset=utf-8",
            "favicon.svg", "image/svg+xml");
    private static final String BUILT_IN = "/takedown-templates/banner/";
    private static final Pattern NAMESPACE = Pattern.compile("\\{[#/]?[^{}]*?\\b([A-Za-z_][\\w-]*):[^{}]*}");
    private static final Logger LOG = Logger.getLogger(BannerTemplates.class);

    public record Asset(String name, String contentType, byte[] bytes, String etag) {}

    @Inject
    BannerConfig config;

    private Template page;
    private Map<String, Asset> assets;

    @PostConstruct
    void load() {
        Path dir = config.templatesDir();
        page = compile(PAGE, read(dir, PAGE));
        assets = ASSETS.entrySet().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> {
                    byte[] bytes = read(dir, e.getKey()).getBytes(StandardCharsets.UTF_8);
                    return new Asset(
                            e.getKey(),
                            e.getValue(),
                            bytes,
                            "\"" + DeterministicJson.sha256Hex(bytes).substring(0, 32) + "\"");
                }));
    }

    Template page() {
        return page;
    }

    Asset asset(String name) {
        return assets.get(name);
    }

    /** Compiles a banner page template, refusing namespaces and anything the sandboxed engine cannot resolve. */
    static Template compile(String name, String source) {
        Matcher textual = NAMESPACE.matcher(source);
        if (textual.find()) {
            throw new IllegalStateException("Banner template " + name + " uses the namespace '" + textual.group(1)
                    + ":' — templates may only use the page data");
        }
        Engine engine = Engine.builder()
                .addDefaults()
                .addValueResolver(new ReflectionValueResolver())
                .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML)))
                .strictRendering(true)
                .build();
        Template template;
        try {
            template = engine.parse(source, new Variant(Locale.ROOT, StandardCharsets.UTF_8, Variant.TEXT_HTML), name);
        } catch (TemplateException e) {
            throw new IllegalStateException("Banner template " + name + " does not parse: " + e.getMessage(), e);
        }
        for (Expression expression : template.getExpressions()) {
            if (expression.hasNamespace()) {
                throw new IllegalStateException("Banner template " + name + " uses the namespace '"
                        + expression.getNamespace() + ":' — templates may only use the page data");
            }
        }
        return template;
    }

    private static String read(Path dir, String name) {
        Path file = dir.resolve(name);
        try {
            if (Files.isRegularFile(file)) {
                LOG.infof("Banner %s from %s", name, file.toAbsolutePath());
                return Files.readString(file, StandardCharsets.UTF_8);
            }
            try (InputStream in = BannerTemplates.class.getResourceAsStream(BUILT_IN + name)) {
                if (in == null) {
                    throw new IllegalStateException("The built-in banner " + name + " is missing from the application");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read banner " + name + " from " + dir, e);
        }
    }
}
