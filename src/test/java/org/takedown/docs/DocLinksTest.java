package org.takedown.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every relative link in the README and in {@code docs/} names a file that exists, and a heading that exists when it
 * names one (as GitHub makes anchors of headings). Links to other sites are not followed: the build machine may not
 * reach them.
 */
class DocLinksTest {

    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    @Test
    void everyLinkInTheReadmeAndDocsResolves() throws IOException {
        List<Path> documents = new ArrayList<>();
        documents.add(Path.of("README.md"));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        assertTrue(documents.contains(Path.of("docs/architecture.md")), "docs/architecture.md is the living design");

        List<String> broken = new ArrayList<>();
        for (Path document : documents) {
            broken.addAll(brokenLinks(document));
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void aMissingFileOrHeadingIsReported(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("other.md"), "# Other\n\n## Signing in to the API\n");
        Path doc = dir.resolve("doc.md");
        Files.writeString(
                doc,
                String.join(
                        "\n",
                        "# Doc",
                        "[fine](other.md) [fine too](other.md#signing-in-to-the-api) [here](#doc) [web](https://example.org/x)",
                        "[gone](missing.md) [no such heading](other.md#nowhere) [nor here](#nowhere)",
                        "`[in code](missing-in-code.md)`",
                        "```",
                        "[in a block](missing-in-block.md)",
                        "```"));

        assertEquals(List.of(doc + ": missing.md", doc + ": other.md#nowhere", doc + ": #nowhere"), brokenLinks(doc));
    }

    static List<String> brokenLinks(Path document) throws IOException {
        List<String> broken = new ArrayList<>();
        boolean inFence = false;
        for (String line : Files.readAllLines(document)) {
            if (line.stripLeading().startsWith("```")) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                continue;
            }
            Matcher link = LINK.matcher(INLINE_CODE.matcher(line).replaceAll(""));
            while (link.find()) {
                String target = link.group(1);
                if (!SCHEME.matcher(target).find() && !resolves(document, target)) {
                    broken.add(document + ": " + target);
                }
            }
        }
        return broken;
    }

    private static boolean resolves(Path document, String target) throws IOException {
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path path = file.isEmpty()
                ? document
                : document.toAbsolutePath().getParent().resolve(file).normalize();
        if (!Files.exists(path)) {
            return false;
        }
        return hash < 0 || (path.toString().endsWith(".md") && anchors(path).contains(target.substring(hash + 1)));
    }

    /** GitHub's anchors: the heading in lower case, without punctuation, spaces turned into hyphens. */
    private static Set<String> anchors(Path markdown) throws IOException {
        try (Stream<String> lines = Files.lines(markdown)) {
            return lines.filter(line -> line.startsWith("#"))
                    .map(line -> line.replaceFirst("^#+\\s*", "")
                            .strip()
                            .toLowerCase(Locale.ROOT)
                            .replaceAll("[^\\p{L}\\p{Nd}\\s_-]", "")
                            .replace(' ', '-'))
                    .collect(Collectors.toSet());
        }
    }
}
