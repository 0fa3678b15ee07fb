package org.takedown.postgresql;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.takedown.support.PostgresProfile;
import org.takedown.victim.campaign.CampaignTest;

@QuarkusTest
@TestProfile(PostgresProfile.class)
public class PostgresCampaignTest extends CampaignTest {}
