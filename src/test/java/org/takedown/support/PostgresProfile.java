package org.takedown.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs a test class against a real PostgreSQL: same code, same migrations' common part, PostgreSQL vendor folder. */
public class PostgresProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.db-kind", "postgresql");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(EmbeddedPostgresResource.class));
    }

    /** Another profile's settings, on PostgreSQL: for a {@code PostgresX} profile extending profile {@code X}. */
    public static Map<String, String> overrides(Map<String, String> profile) {
        Map<String, String> overrides = new HashMap<>(profile);
        overrides.putAll(new PostgresProfile().getConfigOverrides());
        return overrides;
    }

    /** Another profile's test resources and the embedded PostgreSQL. */
    public static List<TestResourceEntry> resources(List<TestResourceEntry> profile) {
        List<TestResourceEntry> resources = new ArrayList<>(profile);
        resources.addAll(new PostgresProfile().testResources());
        return resources;
    }
}
