package org.takedown.postgresql;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.takedown.support.PostgresDomainProbeProfile;
import org.takedown.watch.DomainProbeTest;

@QuarkusTest
@TestProfile(PostgresDomainProbeProfile.class)
public class PostgresDomainProbeTest extends DomainProbeTest {}
