package org.takedown.postgresql;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.takedown.operation.KillSwitchTest;
import org.takedown.support.PostgresProfile;

@QuarkusTest
@TestProfile(PostgresProfile.class)
public class PostgresKillSwitchTest extends KillSwitchTest {}
