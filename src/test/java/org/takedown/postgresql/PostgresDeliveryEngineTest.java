package org.takedown.postgresql;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.takedown.delivery.memory.DeliveryEngineTest;
import org.takedown.support.EmbeddedPostgresResource;

/** The engine with its second channel on PostgreSQL, where claims skip locked rows and holds lock the pacing row. */
@QuarkusTest
@TestProfile(PostgresDeliveryEngineTest.WithMemoryChannelOnPostgres.class)
public class PostgresDeliveryEngineTest extends DeliveryEngineTest {

    public static class WithMemoryChannelOnPostgres implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("memory-channel.enabled", "true", "quarkus.datasource.db-kind", "postgresql");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(EmbeddedPostgresResource.class));
        }
    }
}
