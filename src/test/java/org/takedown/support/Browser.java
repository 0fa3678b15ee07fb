package org.takedown.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Chromium for console tests: Debian's {@code /usr/bin/chromium} (or {@code -Dtests.chromium=<path>})
 * driven by Playwright, which downloads no browser of its own. Without Chromium the tests fail saying so;
 * {@code -Dtests.browser=off} turns them off on a machine that cannot have it.
 */
public final class Browser implements AutoCloseable {

    public static final int PORT = Integer.getInteger("quarkus.http.test-port", 8081);
    public static final String BASE = "http://localhost:" + PORT;
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    private Browser(Playwright playwright, com.microsoft.playwright.Browser chromium) {
        this.playwright = playwright;
        this.chromium = chromium;
    }

    public static Browser launch() {
        if ("off".equals(System.getProperty("tests.browser"))) {
            Assumptions.abort("browser tests turned off with -Dtests.browser=off");
        }
        Path executable = Path.of(System.getProperty("tests.chromium", "/usr/bin/chromium"));
        if (!Files.isExecutable(executable)) {
            fail("The console's browser tests need Chromium at " + executable
                    + " (Debian: apt-get install -y chromium; "
                    + "elsewhere -Dtests.chromium=<path>). -Dtests.browser=off turns them off.");
        }
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(env));
        // Without the background-networking flags Chromium keeps trying to reach Google from this closed network.
        com.microsoft.playwright.Browser chromium = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(executable)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")));
        return new Browser(playwright, chromium);
    }

    /** A fresh browser profile (no cookies) with one page. */
    public Page newPage() {
        BrowserContext context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1280, 900)
                .setBaseURL(BASE));
        return context.newPage();
    }

    /** Signs in through the console's form and waits for the dashboard. */
    public static void signIn(Page page, String user) {
        page.navigate("/console/login");
        page.getByLabel("User name").fill(user);
        page.getByLabel("Password").fill(Api.PASSWORD);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.waitForURL(BASE + "/console");
    }

    /** axe-core (WCAG 2.x A and AA rules) finds no serious or critical violation on the page as it is now. */
    public static void assertAccessible(Page page) {
        // The banner preview is a sandboxed srcdoc frame (an opaque origin): axe's per-frame run never returns from one
        // in recent Chromium, so it is left out here; the banner itself is checked where it is served.
        AxeResults results = new AxeBuilder(page)
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
                .exclude("iframe[sandbox]")
                .analyze();
        if (results.isErrored()) {
            fail("axe-core did not run on " + page.url() + ": " + results.getErrorMessage());
        }
        List<Rule> serious = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .toList();
        assertEquals(
                List.of(),
                serious.stream()
                        .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                                + v.getNodes().stream()
                                        .map(n -> String.valueOf(n.getTarget()))
                                        .collect(Collectors.joining(", ")))
                        .toList(),
                "accessibility violations on " + page.url());
    }

    /**
     * Saves what the browser window shows as {@code target/screenshots/<name>.png} (docs/console.md shows copies of them,
     * in {@code src/docs/screenshots}).
     */
    public static Path screenshot(Page page, String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file));
        return file;
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
