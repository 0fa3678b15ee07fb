package org.takedown.postgresql;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.takedown.evidence.EvidenceExportTest;
import org.takedown.support.PostgresChannelWatchProfile;

/** Captures stored as bytea, the audit extract and the streamed export, on PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresChannelWatchProfile.class)
public class PostgresEvidenceExportTest extends EvidenceExportTest {}
