package org.takedown.postgresql;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.takedown.delivery.LegacyLedgerTest;
import org.takedown.support.LegacyLedgerResource;

@QuarkusTest
@TestProfile(PostgresLegacyLedgerTest.OnPostgres.class)
public class PostgresLegacyLedgerTest extends LegacyLedgerTest {

    public static class OnPostgres implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.db-kind", "postgresql");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LegacyLedgerResource.class, Map.of("database", "postgresql")));
        }
    }
}
