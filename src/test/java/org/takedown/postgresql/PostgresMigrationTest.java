package org.takedown.postgresql;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.takedown.MigrationTest;
import org.takedown.support.PostgresProfile;

@QuarkusTest
@TestProfile(PostgresProfile.class)
public class PostgresMigrationTest extends MigrationTest {

    @Override
    protected String expectedDatabase() {
        return "postgresql";
    }
}
