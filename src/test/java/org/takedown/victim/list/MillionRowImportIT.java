package org.takedown.victim.list;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.takedown.support.Fixtures;
import org.takedown.support.GeneratedVictimList;
import org.takedown.support.ServiceProcess;

/**
 * A list of a million rows (41 MB) imported by the packaged service on PostgreSQL with its heap capped at 256 MB and
 * made to exit on an {@link OutOfMemoryError}: the file is read as a stream, so it goes through whatever its size, and
 * the report counts every row. Its time and peak RSS are printed, not asserted (bench/victim-import.sh measures them).
 */
class MillionRowImportIT {

    private static final int ROWS = 1_000_000;

    @Test
    void aMillionRowsGoThroughAServiceWithAQuarterGigabyteHeap() throws Exception {
        GeneratedVictimList.File file = GeneratedVictimList.generate(ROWS);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                ServiceProcess service = GeneratedVictimList.startService(
                        postgres, "million-row-import-service", List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError"))) {
            long operationId = Fixtures.createOperation("officer1");
            GeneratedVictimList.Imported imported =
                    GeneratedVictimList.importInto(operationId, "a million", file.bytes(), Duration.ofMinutes(15));
            JsonPath report = imported.report();
            assertEquals("DONE", report.getString("status"), report.prettify());
            assertEquals(ROWS, report.getLong("rows"));
            assertEquals(file.accepted(), report.getLong("accepted"));
            assertEquals(file.duplicates(), report.getLong("duplicates"));
            assertEquals(file.refused(), report.getLong("refused"));
            assertEquals(Map.of("fixed-line", file.refused()), report.getMap("refusedByReason"));
            assertTrue(service.isAlive(), "the service is still running");
            System.out.printf(
                    "A million rows (%d bytes) imported in %.1f s; the service's peak RSS %d MB with -Xmx256m%n",
                    file.bytes().length, (imported.done() - imported.started()) / 1e9, service.peakRssMb());
        }
    }
}
