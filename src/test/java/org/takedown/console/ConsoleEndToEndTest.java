package org.takedown.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.takedown.support.Browser;
import org.takedown.support.FakeBotApi;
import org.takedown.support.Fixtures;
import org.takedown.support.TelegramProfile;

/**
 * The whole takedown through the console, in Chromium: officer A prepares an operation (legal authority, an agency
 * with its emblem, a seized domain, the banner, a Telegram channel and a notice) and submits it; officer B approves it;
 * A activates it; the banner shows at the seized Host; A sends the notice, which reaches the fake Bot API and shows
 * SENT in the delivery report; the audit log shows every step, its chain valid. Each page passes axe-core and is
 * photographed for docs/console.md.
 */
@QuarkusTest
@TestProfile(TelegramProfile.class)
class ConsoleEndToEndTest {

    static Browser browser;

    FakeBotApi telegram;

    @BeforeAll
    static void chromium() {
        browser = Browser.launch();
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anOperationFromPreparationToWarningThroughTheConsole() throws Exception {
        String code = "E2E-" + Fixtures.unique().toUpperCase(Locale.ROOT);
        String host = "e2e-" + Fixtures.unique() + ".localhost";
        String channel = "@spoofadverts" + Fixtures.unique();
        telegram.chat(
                channel,
                new FakeBotApi.Chat(
                        -1003000000000L - System.nanoTime() % 1_000_000L,
                        "channel",
                        "Spoof adverts",
                        "administrator",
                        true));

        Page a = browser.newPage();
        Browser.signIn(a, "officer1");
        a.navigate("/console/operations/new");
        a.getByLabel("Name (required)", new Page.GetByLabelOptions().setExact(true))
                .fill("Operation Elaborate");
        a.getByLabel("Code name (required)").fill(code);
        a.getByLabel("Time zone (required)").fill("Europe/London");
        a.getByLabel("Reference (warrant or court order number) (required)").fill("W/2026/0042");
        a.getByLabel("Issued by (required)").fill("Westminster Magistrates' Court");
        a.getByLabel("Issued on (required)").fill(LocalDate.now().minusDays(3).toString());
        a.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the operation"))
                .click();
        assertThat(a.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions()
                                .setName("Operation Elaborate")
                                .setLevel(1)))
                .isVisible();
        String operationUrl = a.url();

        Locator agencies = a.locator("#agencies");
        Path emblem = Files.createTempFile("emblem", ".svg");
        Files.writeString(emblem, Fixtures.SVG, StandardCharsets.UTF_8);
        agencies.getByLabel("Name (required)").fill("Metropolitan Police");
        agencies.getByLabel("Website (https)").fill("https://www.met.police.uk");
        agencies.getByLabel("Emblem (PNG or SVG)").setInputFiles(emblem);
        agencies.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add the agency"))
                .click();
        assertThat(a.locator("#agencies img.emblem")).isVisible();

        Locator domains = a.locator("#seized-domains");
        domains.getByLabel("Host name (required)").fill(host);
        domains.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add the domain"))
                .click();
        assertThat(a.locator("#seized-domains")).containsText("Added " + host);

        Locator banner = a.locator("#banner");
        banner.locator("#banner-headline0").fill("This website has been seized");
        banner.locator("#banner-message0").fill("Using spoofing services for criminal purposes is illegal.");
        assertThat(banner.frameLocator("iframe.banner-frame")
                        .getByText("Using spoofing services for criminal purposes is illegal."))
                .isVisible();
        banner.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save the banner"))
                .click();
        assertThat(a.locator("#banner")).containsText("Saved the banner.");

        Locator targets = a.locator("#telegram-targets");
        targets.getByLabel("Chat (@username or numeric id) (required)").fill(channel);
        targets.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add the target"))
                .click();
        assertThat(a.locator("#telegram-targets")).containsText("Added " + channel);
        a.locator("#telegram-targets")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Run the preflight"))
                .click();
        assertThat(a.locator("#telegram-targets")).containsText("Ok");

        Locator notices = a.locator("#notices");
        notices.getByLabel("Title (for officers) (required)").fill("First warning");
        notices.locator("#notice-text0")
                .fill(
                        "<b>Using spoofing services for criminal purposes is illegal.</b> Don't be surprised when more visits follow.");
        assertThat(a.locator("#notice-preview .bubble b")).containsText("Using spoofing services");
        assertThat(a.locator("#notice-preview")).containsText("/ 4096 characters");
        a.locator("#notices h3").first().scrollIntoViewIfNeeded();
        Browser.screenshot(a, "operation-editor");
        notices.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add the notice"))
                .click();
        assertThat(a.locator("#notices")).containsText("Added First warning");
        Browser.assertAccessible(a);

        a.getByLabel("Note for the audit log (optional)").fill("ready for approval");
        a.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit for approval"))
                .click();
        assertThat(a.locator("#state h2")).containsText("State: Pending approval");

        Page b = browser.newPage();
        Browser.signIn(b, "approver2");
        b.navigate("/console/approvals");
        b.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Operation Elaborate"))
                .click();
        assertThat(b.locator("table.diff")).containsText("Metropolitan Police");
        Browser.assertAccessible(b);
        Browser.screenshot(b, "approval-queue");
        b.getByLabel("Legal reference, as on the warrant or order (required)").fill("W/2026/0042");
        b.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve this content"))
                .click();
        assertThat(b.locator("#state h2")).containsText("State: Approved");

        a.navigate(operationUrl);
        a.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Activate now"))
                .click();
        assertThat(a.locator("#state h2")).containsText("State: Active");

        Page visitor = browser.newPage();
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> visitor.navigate("http://" + host + ":" + Browser.PORT + "/")
                                .status()
                        == 200);
        assertThat(visitor.getByRole(
                        AriaRole.HEADING, new Page.GetByRoleOptions().setName("This website has been seized")))
                .isVisible();
        assertThat(visitor.locator("img").first()).isVisible();
        Browser.screenshot(visitor, "banner");

        // No reload: the activation told the notices to read themselves again, so "send now" is there.
        a.onceDialog(dialog -> dialog.accept());
        a.locator("#notices button:has-text('Send now')").click();
        a.waitForURL(url -> url.contains("/runs/"));
        assertThat(a.locator("#report tbody"))
                .containsText(
                        "Sent",
                        new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                                .setTimeout(30_000));
        assertThat(a.locator("#report a[href^='https://t.me/']")).hasCount(1);
        Browser.assertAccessible(a);
        Browser.screenshot(a, "delivery-report");
        List<FakeBotApi.Delivered> delivered = telegram.delivered().stream()
                .filter(d -> d.chat().equalsIgnoreCase(channel))
                .toList();
        assertEquals(1, delivered.size(), "the notice reached the channel once");
        assertTrue(delivered.get(0).text().contains("Using spoofing services for criminal purposes is illegal."));

        long operationId = Long.parseLong(operationUrl.substring(operationUrl.lastIndexOf('/') + 1));
        a.navigate("/console/audit?operationId=" + operationId);
        assertThat(a.locator("#chain")).containsText("Valid");
        for (String action : List.of(
                "OPERATION_CREATED",
                "AGENCY_ADDED",
                "AGENCY_EMBLEM_SET",
                "SEIZED_DOMAIN_ADDED",
                "BANNER_UPDATED",
                "TELEGRAM_TARGET_ADDED",
                "NOTICE_ADDED",
                "OPERATION_SUBMITTED",
                "OPERATION_APPROVED",
                "OPERATION_ACTIVATED",
                "NOTICE_RUN_QUEUED")) {
            assertThat(a.locator("table.audit")).containsText(action);
        }
        Browser.assertAccessible(a);
        Browser.screenshot(a, "audit-log");
    }
}
