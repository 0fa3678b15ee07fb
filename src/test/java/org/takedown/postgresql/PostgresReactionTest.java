package org.takedown.postgresql;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.takedown.support.PostgresChannelWatchProfile;
import org.takedown.watch.ReactionTest;

@QuarkusTest
@TestProfile(PostgresChannelWatchProfile.class)
public class PostgresReactionTest extends ReactionTest {}
