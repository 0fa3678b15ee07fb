package org.takedown.postgresql;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.takedown.support.PostgresSmscProfile;
import org.takedown.victim.sms.SmsCampaignTest;

@QuarkusTest
@TestProfile(PostgresSmscProfile.class)
public class PostgresSmsCampaignTest extends SmsCampaignTest {}
