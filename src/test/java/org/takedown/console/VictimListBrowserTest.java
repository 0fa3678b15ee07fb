package org.takedown.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.takedown.support.Browser;
import org.takedown.support.Fixtures;

/**
 * Victim lists in Chromium: an officer makes a list, imports a file larger than one request (the page's script sends it
 * in parts, with a progress bar, and the imports table follows the reading), sees the report and the victims masked,
 * reveals one victim and exports the list, each with a justification; accessible throughout.
 */
@QuarkusTest
class VictimListBrowserTest {

    /** Over a megabyte, so the page sends it in two parts. */
    static final int ROWS = 30_000;

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
    void anOfficerImportsAListRevealsOneVictimAndExportsItWithAJustification() throws Exception {
        long operationId = Fixtures.createOperation("officer1");
        Path file = Files.createTempFile("victims", ".csv");
        StringBuilder csv = new StringBuilder("Mobile,Full name,Bank impersonated\r\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append(String.format("07400 %06d,Victim number %d,Bank %d\r\n", 300_000 + i, i, i % 7));
        }
        csv.append("07400 300000,The first victim again,Bank 0\r\n");
        csv.append("020 7946 0000,A landline,Bank 1\r\n");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        assertTrue(Files.size(file) > 1_000_000, "a file larger than one request");

        Page page = browser.newPage();
        Browser.signIn(page, "officer1");
        page.navigate("/console/operations/" + operationId);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Victim lists"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Victim lists")))
                .isVisible();
        page.getByLabel("Name (required)").fill("Victims of the spoofing site");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make the list"))
                .click();
        assertThat(page.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions()
                                .setName("Victim list: Victims of the spoofing site")
                                .setLevel(1)))
                .isVisible();
        Browser.assertAccessible(page);

        page.getByLabel("CSV file (required)").setInputFiles(file);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import"))
                .click();
        Locator imports = page.locator("#imports");
        assertThat(imports.locator(".state-DONE"))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(120_000));
        assertThat(page.locator("#import-status")).containsText("sent");
        Locator report = imports.locator("tbody tr").first();
        assertThat(report).containsText(Integer.toString(ROWS));
        assertThat(report).containsText("1 fixed-line");
        assertThat(report.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Refused rows (CSV)")))
                .isVisible();
        page.reload();
        assertThat(page.locator("#victims")).containsText("•••000");
        assertFalse(page.content().contains("Victim number"), "names stay hidden");
        Browser.assertAccessible(page);

        Locator first = page.locator("#victims tbody tr").first();
        first.locator("summary").click();
        first.getByLabel("Why you need it (required)").fill("because");
        first.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Reveal victim")))
                .click();
        assertThat(first.locator(".field-error")).containsText("10 to 1000 characters");
        first.getByLabel("Why you need it (required)").fill("the victim called the force to check the text");
        first.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Reveal victim")))
                .click();
        assertThat(first).containsText("+447400300000");
        assertThat(first).containsText("Victim number 0");
        Browser.screenshot(page, "victim-list");

        page.locator("#export-justification").fill("letters to the victims who could not be texted");
        Download download = page.waitForDownload(
                () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Export as CSV"))
                        .click());
        String exported = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertTrue(exported.startsWith("id,phone,email,name,language,fields"), exported.substring(0, 80));
        assertTrue(exported.contains("+447400329999"), "the last victim in the clear");
        assertThat(page.locator("#export-status")).containsText("Exported as victim-list-");
        page.context().close();
    }
}
