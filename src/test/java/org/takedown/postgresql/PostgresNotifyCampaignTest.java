package org.takedown.postgresql;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.takedown.support.PostgresNotifyProfile;
import org.takedown.victim.sms.notify.NotifyCampaignTest;

@QuarkusTest
@TestProfile(PostgresNotifyProfile.class)
public class PostgresNotifyCampaignTest extends NotifyCampaignTest {}
