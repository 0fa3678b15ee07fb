package org.takedown.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import com.microsoft.playwright.Page;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.takedown.security.OidcLoginTest;
import org.takedown.support.Api;
import org.takedown.support.Browser;

/**
 * With OIDC on, the console's sign-in page offers the identity provider; its authorization code flow signs the officer
 * in (a local WireMock provider: the real one is out of reach), and the console session carries the provider's roles.
 */
@QuarkusTest
@TestProfile(ConsoleOidcTest.OidcConsole.class)
class ConsoleOidcTest {

    public static class OidcConsole implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(new OidcLoginTest.OidcOn().getConfigOverrides());
            config.put("quarkus.oidc.console.tenant-enabled", "true");
            config.put("quarkus.oidc.console.client-id", "quarkus-web-app");
            config.put("quarkus.oidc.console.credentials.secret", "secret");
            config.put("quarkus.oidc.console.token.issuer", "any");
            return config;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OidcWiremockTestResource.class));
        }
    }

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
    void theProviderSignsTheOfficerInWithItsRoles() {
        given().get("/console/login").then().statusCode(200).body(containsString("href=\"/console/oidc/login\""));
        Page page = browser.newPage();
        page.navigate("/console/login");
        page.getByText("Sign in with your organisation's account").click();
        page.locator("#username").fill("alice");
        page.locator("#password").fill("alice");
        page.locator("#login").click();
        page.waitForURL(Browser.BASE + "/console");
        assertThat(page.locator("header .who")).containsText("alice");
        Browser.assertAccessible(page);
        Api.as("admin1")
                .queryParam("action", "CONSOLE_SIGNED_IN")
                .queryParam("actor", "alice")
                .get("/api/audit")
                .then()
                .statusCode(200)
                .body("items[0].summary", containsString("oidc"));
    }
}
