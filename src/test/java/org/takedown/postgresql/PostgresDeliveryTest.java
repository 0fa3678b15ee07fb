package org.takedown.postgresql;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.takedown.notice.DeliveryTest;
import org.takedown.support.PostgresTelegramProfile;

@QuarkusTest
@TestProfile(PostgresTelegramProfile.class)
public class PostgresDeliveryTest extends DeliveryTest {}
