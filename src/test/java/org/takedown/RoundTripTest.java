package org.takedown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.takedown.seizure.BannerFixtures;
import org.takedown.support.Api;
import org.takedown.support.Fixtures;

/**
 * What the API returns for a resource is accepted back by its PUT, unchanged: read-only fields (ids, times, states,
 * what the service derives) are ignored on the way in, and the resource reads the same afterwards.
 */
@QuarkusTest
public class RoundTripTest {

    /** Fields a PUT may legitimately change however it is called (who changed it, when, its version). */
    private static final Set<String> CHANGED_BY_ANY_PUT =
            Set.of("updatedAt", "updatedBy", "version", "changedAt", "changedBy");

    /** A resource: where to GET it (its JSON at {@code itemPath}) and where to PUT it back. */
    record Resource(String name, String user, Supplier<String[]> getAndPut, String itemPath) {}

    List<Resource> resources() {
        return List.of(
                new Resource(
                        "operation",
                        "officer1",
                        () -> {
                            long id = Fixtures.createOperation("officer1");
                            return paths("/api/operations/" + id, "/api/operations/" + id);
                        },
                        ""),
                new Resource(
                        "agency",
                        "officer1",
                        () -> {
                            long id = Fixtures.createOperation("officer1");
                            long agency = Fixtures.addAgency(id, "officer1");
                            return paths(
                                    "/api/operations/" + id + "/agencies",
                                    "/api/operations/" + id + "/agencies/" + agency);
                        },
                        "items[0]"),
                new Resource(
                        "seized domain",
                        "officer1",
                        () -> {
                            long id = Fixtures.createOperation("officer1");
                            long domain = Fixtures.addSeizedDomain(id, "officer1");
                            return paths(
                                    "/api/operations/" + id + "/seized-domains",
                                    "/api/operations/" + id + "/seized-domains/" + domain);
                        },
                        "items[0]"),
                new Resource(
                        "banner with staged reveals",
                        "officer1",
                        () -> {
                            long id = Fixtures.createOperation("officer1");
                            Map<String, Object> banner = new java.util.HashMap<>(
                                    BannerFixtures.banner(Map.of("en", BannerFixtures.texts("Seized"))));
                            banner.put(
                                    "stages",
                                    List.of(Map.of(
                                            "revealAt",
                                            "2030-01-02T10:00",
                                            "texts",
                                            Map.of("en", Map.of("title", "Next", "body", "b")))));
                            Api.as("officer1")
                                    .body(banner)
                                    .put("/api/operations/{id}/banner", id)
                                    .then()
                                    .statusCode(200);
                            return paths("/api/operations/" + id + "/banner", "/api/operations/" + id + "/banner");
                        },
                        ""),
                new Resource(
                        "telegram target",
                        "officer1",
                        () -> {
                            long id = Fixtures.createOperation("officer1");
                            long target = Fixtures.addTelegramTarget(id, "officer1");
                            return paths(
                                    "/api/operations/" + id + "/telegram-targets",
                                    "/api/operations/" + id + "/telegram-targets/" + target);
                        },
                        "items[0]"),
                new Resource(
                        "notice",
                        "officer1",
                        () -> {
                            long id = Fixtures.createOperation("officer1");
                            Fixtures.addTelegramTarget(id, "officer1");
                            long notice = Api.as("officer1")
                                    .body(Fixtures.scheduledNoticeBody(Map.of(
                                            "cron", "0 0 9 ? * MON-FRI", "windowStart", "08:00", "windowEnd", "18:00")))
                                    .post("/api/operations/{id}/notices", id)
                                    .then()
                                    .statusCode(201)
                                    .extract()
                                    .jsonPath()
                                    .getLong("id");
                            return paths(
                                    "/api/operations/" + id + "/notices",
                                    "/api/operations/" + id + "/notices/" + notice);
                        },
                        "items[0]"),
                new Resource(
                        "watch target",
                        "officer1",
                        () -> {
                            long id = Fixtures.createOperation("officer1");
                            long target = Fixtures.addWatchTarget(id, "officer1");
                            return paths(
                                    "/api/operations/" + id + "/watch-targets/" + target,
                                    "/api/operations/" + id + "/watch-targets/" + target);
                        },
                        ""),
                new Resource(
                        "watch rule",
                        "officer1",
                        () -> {
                            long id = Fixtures.createOperation("officer1");
                            long rule = Api.as("officer1")
                                    .body(Map.of("kind", "KEYWORD", "pattern", "spoof"))
                                    .post("/api/operations/{id}/watch-rules", id)
                                    .then()
                                    .statusCode(201)
                                    .extract()
                                    .jsonPath()
                                    .getLong("id");
                            return paths(
                                    "/api/operations/" + id + "/watch-rules",
                                    "/api/operations/" + id + "/watch-rules/" + rule);
                        },
                        "items[0]"),
                new Resource("kill switch", "admin1", () -> paths("/api/kill-switch", "/api/kill-switch"), ""),
                new Resource(
                        "user",
                        "admin1",
                        () -> {
                            String name = "round-" + Fixtures.unique();
                            Api.as("admin1")
                                    .body(Map.of(
                                            "username",
                                            name,
                                            "password",
                                            "a-long-enough-password",
                                            "roles",
                                            List.of("viewer")))
                                    .post("/api/users")
                                    .then()
                                    .statusCode(201);
                            return paths("/api/users?size=200", "/api/users/" + name);
                        },
                        "items.find { it.username.startsWith('round-') }"));
    }

    @TestFactory
    List<DynamicTest> whatAGetReturnsAPutAcceptsUnchanged() {
        return resources().stream()
                .map(resource -> DynamicTest.dynamicTest(resource.name(), () -> {
                    String[] paths = resource.getAndPut().get();
                    Map<String, Object> before = read(resource, paths[0]);
                    Response put = Api.as(resource.user()).body(before).put(paths[1]);
                    assertEquals(200, put.statusCode(), resource.name() + ": " + put.asString());
                    Map<String, Object> after = read(resource, paths[0]);
                    CHANGED_BY_ANY_PUT.forEach(field -> {
                        before.remove(field);
                        after.remove(field);
                    });
                    assertEquals(before, after, resource.name() + " reads the same after its GET was PUT back");
                }))
                .toList();
    }

    private static Map<String, Object> read(Resource resource, String path) {
        JsonPath json = Api.as(resource.user())
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        return new java.util.HashMap<>(json.getMap(resource.itemPath()));
    }

    private static String[] paths(String get, String put) {
        return new String[] {get, put};
    }
}
