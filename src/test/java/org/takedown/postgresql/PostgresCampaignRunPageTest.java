package org.takedown.postgresql;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.takedown.console.CampaignRunPageTest;
import org.takedown.support.PostgresSmscProfile;

@QuarkusTest
@TestProfile(PostgresSmscProfile.class)
public class PostgresCampaignRunPageTest extends CampaignRunPageTest {}
