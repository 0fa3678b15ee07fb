package org.takedown.postgresql;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.takedown.support.PostgresProfile;
import org.takedown.victim.suppression.SuppressionTest;

@QuarkusTest
@TestProfile(PostgresProfile.class)
public class PostgresSuppressionTest extends SuppressionTest {}
