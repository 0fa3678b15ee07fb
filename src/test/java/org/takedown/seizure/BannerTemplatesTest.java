package org.takedown.seizure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BannerTemplatesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<p>{config:quarkus.datasource.password}</p>",
                "<p>{cdi:operationService.get(1).name}</p>",
                "<p>{inject:auditLog}</p>",
                "{#for x in cdi:items}{x}{/for}",
                "{#if config:takedown.demo.enabled}x{/if}",
                "<p>{page.headline.or(config:secret)}</p>",
                "{#let s=inject:securityConfig}{s}{/let}",
                "<p>{ msg:hello }</p>"
            })
    void templatesUsingANamespaceAreRefused(String source) {
        IllegalStateException refused =
                assertThrows(IllegalStateException.class, () -> BannerTemplates.compile("banner.html", source));
        assertTrue(refused.getMessage().contains("namespace"), refused.getMessage());
    }

    @Test
    void aTemplateThatDoesNotParseIsRefused() {
        IllegalStateException refused = assertThrows(
                IllegalStateException.class,
                () -> BannerTemplates.compile("banner.html", "{#if page.headline}unclosed"));
        assertTrue(refused.getMessage().contains("does not parse"), refused.getMessage());
    }

    @Test
    void valuesAreEscapedAsHtml() {
        String out = BannerTemplates.compile("banner.html", "<p title=\"{page.headline}\">{page.headline}</p>")
                .data(
                        "page",
                        new BannerPage(
                                "en",
                                "ltr",
                                "x",
                                "<script>alert(\"1\")</script>",
                                null,
                                null,
                                null,
                                java.util.List.of(),
                                java.util.List.of(),
                                null,
                                java.util.List.of(),
                                "",
                                null,
                                ""))
                .render();
        assertEquals(
                "<p title=\"&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt;\">&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt;</p>",
                out);
    }

    @Test
    void theShippedTemplateCompiles() throws IOException {
        BannerTemplates.compile("banner.html", Files.readString(Path.of("templates/banner/banner.html")));
    }

    @Test
    void anAgencyDirectoryOverridesFileByFileAndABadFileStopsLoading(@TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("banner.html"), "<h1>{page.headline}</h1><p>restyled</p>", StandardCharsets.UTF_8);
        BannerTemplates templates = new BannerTemplates();
        templates.config = config(dir);
        templates.load();
        assertTrue(templates.page().data("page", minimalPage()).render().contains("restyled"));
        assertTrue(
                new String(templates.asset("banner.css").bytes(), StandardCharsets.UTF_8).contains(".notice"),
                "files the agency did not provide come from the built-in banner");

        Files.writeString(
                dir.resolve("banner.html"), "<h1>{config:quarkus.datasource.password}</h1>", StandardCharsets.UTF_8);
        BannerTemplates broken = new BannerTemplates();
        broken.config = config(dir);
        assertThrows(IllegalStateException.class, broken::load);
    }

    static BannerPage minimalPage() {
        return new BannerPage(
                "en",
                "ltr",
                "x.example",
                "Seized",
                null,
                null,
                null,
                java.util.List.of(),
                java.util.List.of(),
                null,
                java.util.List.of(),
                "/.seized/banner.css",
                null,
                "/.seized/favicon.svg");
    }

    static BannerConfig config(Path dir) {
        return (BannerConfig) Proxy.newProxyInstance(
                BannerConfig.class.getClassLoader(),
                new Class<?>[] {BannerConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "templatesDir" -> dir;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
