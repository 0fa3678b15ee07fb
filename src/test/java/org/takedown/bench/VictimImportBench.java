package org.takedown.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.restassured.path.json.JsonPath;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.takedown.support.Fixtures;
import org.takedown.support.GeneratedVictimList;
import org.takedown.support.ProcessCpu;
import org.takedown.support.ServiceProcess;

/**
 * Run by {@code bench/victim-import.sh}, not by {@code ./mvnw verify}. The packaged service (prod profile, its own
 * process on an embedded PostgreSQL) imports a generated victim list of {@code bench.rows} rows — UK mobiles, 3 %
 * written twice in another spelling, 2 % landlines, a name and a bank per row — through the API exactly as an officer's
 * upload does (1 MB parts, complete, wait for DONE): parse, check, dedupe, seal, index and store. Beside it, the
 * reference measured in the same run: libphonenumber alone parsing and typing the same rows in this JVM. Reports both,
 * and the service's peak RSS (the memory an import of that size needs, flat if streaming works).
 */
public class VictimImportBench {

    @Test
    void importOneList() throws Exception {
        int rows = Integer.getInteger("bench.rows", 100_000);
        int imports = Integer.getInteger("bench.imports", 2);
        List<String> jvm = Arrays.asList(
                System.getProperty("bench.service-jvm", "-Xmx256m").trim().split("\\s+"));
        GeneratedVictimList.File file = GeneratedVictimList.generate(rows);
        double referenceSeconds = libphonenumberAlone(file.bytes());

        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                ServiceProcess service =
                        GeneratedVictimList.startService(postgres, "victim-import-bench-service", jvm)) {
            long operationId = Fixtures.createOperation("officer1");
            long database = ProcessCpu.postgresServer(postgres.getPort());
            for (int round = 1; round <= imports; round++) {
                importOnce(round, operationId, file, referenceSeconds, service, database, jvm);
            }
        }
    }

    /** One import of the file into a new list of the operation, timed from its creation to DONE. */
    private static void importOnce(
            int round,
            long operationId,
            GeneratedVictimList.File file,
            double referenceSeconds,
            ServiceProcess service,
            long database,
            List<String> jvm)
            throws Exception {
        double serviceCpu = ProcessCpu.seconds(service.pid(), false);
        double databaseCpu = ProcessCpu.seconds(database, true);
        Map<String, Double> threads = ProcessCpu.byThread(service.pid());
        GeneratedVictimList.Imported imported =
                GeneratedVictimList.importInto(operationId, "bench " + round, file.bytes(), Duration.ofMinutes(30));
        serviceCpu = ProcessCpu.seconds(service.pid(), false) - serviceCpu;
        databaseCpu = ProcessCpu.seconds(database, true) - databaseCpu;
        String serviceThreads = ProcessCpu.spent(threads, ProcessCpu.byThread(service.pid()), 8);
        JsonPath report = imported.report();
        assertEquals("DONE", report.getString("status"), report.prettify());
        assertEquals(file.rows(), report.getLong("rows"));
        assertEquals(file.accepted(), report.getLong("accepted"));
        double seconds = (imported.done() - imported.started()) / 1e9;
        System.out.printf(
                "RESULT round=%d rows=%d bytes=%d import=%.1f s (upload %.1f s, reading %.1f s) %.0f rows/s"
                        + " libphonenumber_alone=%.1f s service_peak_rss=%d MB service_jvm=%s"
                        + " cpu: service %.1f s, database %.1f s%n",
                round,
                file.rows(),
                file.bytes().length,
                seconds,
                (imported.uploaded() - imported.started()) / 1e9,
                (imported.done() - imported.uploaded()) / 1e9,
                file.rows() / seconds,
                referenceSeconds,
                service.peakRssMb(),
                String.join(" ", jvm),
                serviceCpu,
                databaseCpu);
        System.out.printf(
                "DETAIL accepted=%d duplicates=%d refused=%d refusedByReason=%s flagged=%s service threads: %s%n",
                report.getLong("accepted"),
                report.getLong("duplicates"),
                report.getLong("refused"),
                report.getMap("refusedByReason"),
                report.getMap("flagged"),
                serviceThreads);
    }

    /** What libphonenumber alone takes for the same numbers: parse, validate, type, format. */
    private static double libphonenumberAlone(byte[] file) throws NumberParseException {
        PhoneNumberUtil numbers = PhoneNumberUtil.getInstance();
        List<String> lines =
                new String(file, StandardCharsets.UTF_8).lines().skip(1).toList();
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            int mobiles = 0;
            for (String line : lines) {
                PhoneNumber number = numbers.parse(line.substring(0, line.indexOf(',')), "GB");
                if (numbers.isValidNumber(number)
                        && numbers.getNumberType(number) == PhoneNumberUtil.PhoneNumberType.MOBILE) {
                    numbers.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
                    mobiles++;
                }
            }
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
            if (mobiles == 0) {
                throw new IllegalStateException("no mobile number in the generated list");
            }
        }
        return best;
    }
}
