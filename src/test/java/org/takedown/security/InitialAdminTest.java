package org.takedown.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** With no users at all, the first start creates 'admin' with a random password printed once to the log. */
@QuarkusTest
@TestProfile(InitialAdminTest.NoUsers.class)
public class InitialAdminTest {

    static final Path LOG = Path.of("target", "initial-admin-test.log");

    public static class NoUsers implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "no-users";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Files.deleteIfExists(LOG);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return Map.of(
                    "quarkus.datasource.jdbc.url",
                    "jdbc:h2:mem:no-users;DB_CLOSE_DELAY=-1",
                    "quarkus.log.file.enabled",
                    "true",
                    "quarkus.log.file.path",
                    LOG.toString(),
                    "takedown.demo.enabled",
                    "false",
                    "quarkus.http.test-port",
                    "8081",
                    "quarkus.management.test-port",
                    "9001");
        }
    }

    @Inject
    UserBootstrap bootstrap;

    @Test
    void theInitialAdminGetsARandomPasswordShownOnce() throws IOException {
        List<String> lines = Files.readAllLines(LOG).stream()
                .filter(l -> l.contains("created user 'admin'"))
                .toList();
        assertEquals(1, lines.size(), "printed exactly once");
        Matcher m = Pattern.compile("with password (\\S+) ").matcher(lines.get(0));
        assertTrue(m.find(), lines.get(0));
        String password = m.group(1);
        assertTrue(password.length() >= 20, "a long random password");
        given().auth()
                .preemptive()
                .basic("admin", password)
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("roles", equalTo(List.of("admin", "viewer")));
        given().auth()
                .preemptive()
                .basic("admin", "admin")
                .get("/api/me")
                .then()
                .statusCode(401);

        bootstrap.onStart(null);
        assertEquals(
                1,
                Files.readAllLines(LOG).stream()
                        .filter(l -> l.contains("created user 'admin'"))
                        .count(),
                "a second start with users present creates and prints nothing");
    }
}
