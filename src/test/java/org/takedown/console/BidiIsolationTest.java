package org.takedown.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.takedown.seizure.BannerFixtures;
import org.takedown.support.Api;
import org.takedown.support.Browser;
import org.takedown.support.Fixtures;

/**
 * Officer text with bidirectional controls cannot reorder what the application writes around it: read back in
 * Chromium, the characters of the application's own words lie left to right on the screen. A right-to-left override
 * (U+202E) left open before them would draw them right to left.
 */
@QuarkusTest
class BidiIsolationTest {

    private static final String OVERRIDE = "\u202e";

    /** The screen x of each visible character of {@code word}'s first occurrence in the element (null if absent). */
    private static final String POSITIONS = """
            ([selector, word]) => {
              const root = document.querySelector(selector);
              if (!root) return null;
              const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
              const nodes = [];
              let text = '';
              while (walker.nextNode()) { nodes.push([walker.currentNode, text.length]); text += walker.currentNode.data; }
              const at = text.indexOf(word);
              if (at < 0) return null;
              const xs = [];
              for (let i = at; i < at + word.length; i++) {
                let k = nodes.length - 1;
                while (nodes[k][1] > i) k--;
                const range = document.createRange();
                range.setStart(nodes[k][0], i - nodes[k][1]);
                range.setEnd(nodes[k][0], i - nodes[k][1] + 1);
                const box = range.getBoundingClientRect();
                if (word[i - at].trim() !== '') xs.push(box.left);
              }
              return xs;
            }""";

    static Browser browser;

    @Inject
    AgroalDataSource dataSource;

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
    void anOverrideStoredInALegalReferenceLeavesTheApprovalPageInOrderAndShowsTheControl() throws SQLException {
        long id = Fixtures.createOperation("officer1");
        // Stored before references were refused with bidirectional controls: the page must still read in order.
        update(
                "UPDATE operation SET legal_authority_reference = ?, legal_authority_issued_by = ? WHERE id = ?",
                "W/2026/" + OVERRIDE + "0042",
                "Westminster" + OVERRIDE + " Court",
                id);
        Fixtures.move(id, "officer1", "submit");

        Page page = browser.newPage();
        Browser.signIn(page, "approver1");
        page.navigate("/console/approvals/" + id);
        String facts = "dl.facts";
        assertLeftToRight(page, facts, "issued by");
        assertLeftToRight(page, facts, "on 20");
        String shown = page.locator(facts).innerText();
        assertTrue(shown.contains("W/2026/[U+202E]0042"), shown);
        assertTrue(shown.contains("Westminster[U+202E] Court"), shown);
    }

    @Test
    void theApiRefusesBidiControlsInSingleLineNames() {
        Map<String, Object> body = new java.util.HashMap<>(Fixtures.operationBody(Fixtures.codeName()));
        body.put(
                "legalAuthority",
                Map.of(
                        "type",
                        "WARRANT",
                        "reference",
                        "W/" + OVERRIDE + "1",
                        "issuedBy",
                        "Court",
                        "issuedOn",
                        "2026-01-15"));
        Api.as("officer1")
                .body(body)
                .post("/api/operations")
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("legalAuthority.reference"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("U+202E"));
    }

    @Test
    void anOverrideInBannerTextLeavesTheSeizedDomainAndTheDateInOrder() {
        String host = "bidi-" + Fixtures.unique() + ".localhost";
        Map<String, Object> texts = Map.of(
                "headline",
                "Seized",
                "authorityStatement",
                "Seized on " + OVERRIDE + "{date} by warrant",
                "message",
                OVERRIDE + "{domain} was part of the fraud");
        BannerFixtures.operation(
                "ACTIVE",
                Fixtures.operationBody(Fixtures.codeName()),
                List.of(BannerFixtures.domain(host)),
                BannerFixtures.banner(Map.of("en", texts)));

        Page visitor = browser.newPage();
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> visitor.navigate("http://" + host + ":" + Browser.PORT + "/")
                                .status()
                        == 200);
        assertLeftToRight(visitor, "p.message", host);
        String statement = visitor.locator("p.authority").textContent();
        String date = statement.substring(statement.indexOf('\u2068') + 1, statement.indexOf('\u2069'));
        assertTrue(date.matches(".*\\d{4}.*"), "the date is isolated: " + statement);
        assertLeftToRight(visitor, "p.authority", date);
    }

    private static void assertLeftToRight(Page page, String selector, String word) {
        @SuppressWarnings("unchecked")
        List<Number> xs = (List<Number>) page.evaluate(POSITIONS, List.of(selector, word));
        assertNotNull(xs, "'" + word + "' is on the page in " + selector);
        assertTrue(xs.size() > 1, word);
        for (int i = 1; i < xs.size(); i++) {
            assertTrue(
                    xs.get(i).doubleValue() > xs.get(i - 1).doubleValue(),
                    "'" + word + "' is drawn left to right in " + selector + ": x positions " + xs);
        }
    }

    private void update(String sql, String reference, String issuedBy, long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, reference);
            statement.setString(2, issuedBy);
            statement.setLong(3, id);
            assertEquals(1, statement.executeUpdate());
        }
    }
}
