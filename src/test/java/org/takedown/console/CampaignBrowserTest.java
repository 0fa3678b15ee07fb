package org.takedown.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.takedown.support.Browser;
import org.takedown.support.Fixtures;
import org.takedown.victim.list.VictimApi;

/**
 * The campaign editor in Chromium: the check beside a text follows the typing (parts and encoding, a link refused as it
 * is typed), the campaign is saved, and its page shows the report over every recipient; accessible throughout.
 */
@QuarkusTest
class CampaignBrowserTest {

    static Browser browser;

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
    void anOfficerWritesACampaignWithTheLiveCheckAndSeesItsReport() {
        long operationId = Fixtures.createOperation("officer1");
        long listId = VictimApi.list(operationId, Map.of("name", "Victims of the spoofing site"));
        VictimApi.importFile(operationId, listId, CampaignPagesTest.VICTIMS.getBytes(StandardCharsets.UTF_8));

        Page page = browser.newPage();
        Browser.signIn(page, "officer1");
        page.navigate("/console/operations/" + operationId);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("SMS campaigns"))
                .click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New campaign"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("New SMS campaign")))
                .isVisible();

        page.getByLabel("Name (for officers) (required)").fill("Victims of the spoofing site");
        page.getByLabel("Victim list (required)").selectOption(Long.toString(listId));
        page.getByLabel("Campaign reference (required)").fill("ELABORATE");
        page.getByLabel("Sender ID (required)").fill("MetPolice");
        page.getByLabel("From (required)").fill(Fixtures.localIn(-60).substring(0, 16));
        page.getByLabel("Until (the deadline) (required)")
                .fill(Fixtures.localIn(86_400).substring(0, 16));
        page.getByLabel("Fallback 1").fill("there");

        Locator text = page.getByLabel("Text 1", new Page.GetByLabelOptions().setExact(true));
        Locator check = page.locator("#check-0");
        text.fill("Hello {name}, see https://bit.ly/x Ref {reference}");
        assertThat(check.getByRole(AriaRole.ALERT)).containsText("link");
        text.fill("Hello {name}. The Met took down a site that pretended to be your bank. met.police.uk/elaborate"
                + " Ref {reference}");
        assertThat(check).containsText("GSM7");
        assertThat(check).containsText("1 part");
        assertThat(check.getByRole(AriaRole.ALERT)).hasCount(0);
        text.pressSequentially(" €€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€");
        assertThat(check).containsText("2 parts");
        Browser.assertAccessible(page);
        Browser.screenshot(page, "campaign-editor");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the campaign"))
                .click();
        assertThat(page.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions()
                                .setName("Campaign: Victims of the spoofing site")
                                .setLevel(1)))
                .isVisible();
        assertThat(page.locator("#report")).containsText("Recipients");
        assertThat(page.locator("#report")).containsText("2");
        assertThat(page.locator("#run")).containsText("Not started");
        Browser.assertAccessible(page);

        Fixtures.move(operationId, "officer2", "submit");
        Fixtures.approve(operationId, "approver1");
        Fixtures.move(operationId, "officer2", "activate");
        page.reload();
        page.onceDialog(dialog -> dialog.accept());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start sending"))
                .click();
        assertThat(page.locator("#run")).containsText("Started");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Delivery report"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("Delivery report");
        assertThat(page.locator("canvas[data-chart][data-drawn]")).hasCount(1);
        Browser.assertAccessible(page);
        page.context().close();
    }
}
