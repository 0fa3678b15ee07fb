package org.takedown.watch;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.takedown.support.Api;
import org.takedown.support.FixtureHostResolver;
import org.takedown.support.Fixtures;

/** Watched domains pass the fetch gate's checks when saved, not only when fetched. */
@QuarkusTest
public class WatchTargetGateTest {

    @Test
    void aDomainThatResolvesIntoPrivateSpaceIsRefusedWhenSaved() {
        long id = Fixtures.createOperation("officer1");
        Map<String, String> refused = Map.of(
                "10-0-0-7", "private",
                "127-0-0-1", "loopback",
                "169-254-169-254", "link-local",
                "100-64-0-1", "carrier-grade NAT",
                "fd00--5", "unique-local");
        refused.forEach((label, why) -> Api.as("officer1")
                .body(Map.of("kind", "DOMAIN", "value", label + FixtureHostResolver.SUFFIX))
                .post("/api/operations/{id}/watch-targets", id)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("value"))
                .body("errors.message", hasItem(containsString(why))));
        Api.as("officer1")
                .body(Map.of("kind", "DOMAIN", "value", "93-184-216-34" + FixtureHostResolver.SUFFIX))
                .post("/api/operations/{id}/watch-targets", id)
                .then()
                .statusCode(201);
        Api.as("officer1")
                .body(Map.of("kind", "DOMAIN", "value", "not-registered-yet-" + Fixtures.unique() + ".example"))
                .post("/api/operations/{id}/watch-targets", id)
                .then()
                .statusCode(201);
    }
}
