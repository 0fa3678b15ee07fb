package org.takedown.seizure;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.takedown.support.Browser;
import org.takedown.support.Fixtures;

/** The countdown to the next reveal speaks the page's language: units from CLDR on the server and in the browser. */
@QuarkusTest
class BannerCountdownTest {

    private static final Duration LEFT =
            Duration.ofDays(2).plusHours(23).plusMinutes(5).plusSeconds(40);

    @Test
    void theServerWritesTheUnitsOfThePageLanguage() {
        assertEquals("2d 23h 5m", BannerRenderer.remaining(LEFT, "en"));
        assertEquals("1h 30m", BannerRenderer.remaining(Duration.ofMinutes(90), "en"));
        String german = BannerRenderer.remaining(LEFT, "de");
        assertTrue(german.contains("2 T") && german.contains("5 Min."), german);
        String arabic = BannerRenderer.remaining(LEFT, "ar");
        assertTrue(arabic.contains("ي") && arabic.contains("س") && arabic.contains("د"), arabic);
        assertFalse(arabic.contains("h") || arabic.contains("m") || arabic.contains("d "), arabic);
    }

    @Test
    void theBrowserTicksInThePageLanguage() {
        String host = "countdown-" + Fixtures.unique() + ".localhost";
        String zone = Fixtures.ZONE;
        String revealAt = LocalDateTime.now(ZoneId.of(zone))
                .plusDays(2)
                .withNano(0)
                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        Map<String, Object> banner = new HashMap<>(BannerFixtures.banner(Map.of(
                "en",
                BannerFixtures.texts("Seized"),
                "de",
                BannerFixtures.texts("Beschlagnahmt"),
                "ar",
                BannerFixtures.texts("تم الضبط"))));
        banner.put("stages", List.of(Map.of("revealAt", revealAt, "texts", Map.of("en", Map.of("title", "Next")))));
        BannerFixtures.operation(
                "ACTIVE", Fixtures.operationBody(Fixtures.codeName()), List.of(BannerFixtures.domain(host)), banner);
        try (Browser browser = Browser.launch()) {
            Page page = browser.newPage();
            await().atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(300))
                    .until(() -> page.navigate("http://" + host + ":" + Browser.PORT + "/?lang=de")
                                    .status()
                            == 200);
            // The script replaces the server's minutes with a ticking value that also names the seconds.
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> page.locator("[data-remaining]").textContent().contains("Sek"));
            String german = page.locator("[data-remaining]").textContent();
            assertTrue(german.contains(" T,") && german.contains("Min.") && german.contains("Sek."), german);
            page.navigate("http://" + host + ":" + Browser.PORT + "/?lang=ar");
            page.waitForTimeout(1500);
            String arabic = page.locator("[data-remaining]").textContent();
            assertTrue(
                    arabic.chars().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.ARABIC),
                    arabic);
            assertFalse(arabic.matches(".*[a-zA-Z].*"), arabic);
        }
    }
}
