package org.takedown.postgresql;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.takedown.support.PostgresChannelWatchProfile;
import org.takedown.watch.ChannelWatcherTest;

@QuarkusTest
@TestProfile(PostgresChannelWatchProfile.class)
public class PostgresChannelWatcherTest extends ChannelWatcherTest {}
