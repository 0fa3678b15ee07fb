package org.takedown.bench;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.takedown.support.Fixtures;
import org.takedown.support.PersonalDataKeyFile;
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

    private static final String PASSWORD_HASH = "$2a$04$j/coOW2b2pyrVjJdE/AG2.kUP9DHCrMKL4cPEO6I0A.FJh8uRpnES";
    private static final int PART = 1_000_000;

    @Test
    void importOneList() throws Exception {
        int rows = Integer.getInteger("bench.rows", 100_000);
        int imports = Integer.getInteger("bench.imports", 2);
        List<String> jvm = Arrays.asList(
                System.getProperty("bench.service-jvm", "-Xmx256m").trim().split("\\s+"));
        byte[] file = list(rows);
        double referenceSeconds = libphonenumberAlone(file);

        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            Map<String, String> environment = Map.of(
                    "TAKEDOWN_DB_URL",
                    postgres.getJdbcUrl("postgres", "postgres"),
                    "TAKEDOWN_DB_USER",
                    "postgres",
                    "TAKEDOWN_DB_PASSWORD",
                    "",
                    "TAKEDOWN_TELEGRAM_DRY_RUN",
                    "true",
                    "TAKEDOWN_SMS_DRY_RUN",
                    "true",
                    "TAKEDOWN_PERSONAL_DATA_KEY_FILE",
                    PersonalDataKeyFile.create());
            Map<String, String> config = new HashMap<>();
            config.put("takedown.officer-hosts", "localhost,127.0.0.1");
            config.put("takedown.users.officer1.password-hash", PASSWORD_HASH);
            config.put("takedown.users.officer1.roles", "officer");
            try (ServiceProcess service =
                    ServiceProcess.start("victim-import-bench-service", jvm, environment, config)) {
                RestAssured.baseURI = "http://127.0.0.1";
                RestAssured.port = service.httpPort();
                long operationId = api().body(Fixtures.operationBody("IMPORT-BENCH"))
                        .post("/api/operations")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
                long database = ProcessCpu.postgresServer(postgres.getPort());
                for (int round = 1; round <= imports; round++) {
                    importOnce(round, operationId, file, rows, referenceSeconds, service, database, jvm);
                }
            }
        }
    }

    /** One import of the file into a new list of the operation, timed from its creation to DONE. */
    private static void importOnce(
            int round,
            long operationId,
            byte[] file,
            int rows,
            double referenceSeconds,
            ServiceProcess service,
            long database,
            List<String> jvm)
            throws Exception {
        long listId = api().body(Map.of("name", "bench " + round))
                .post("/api/operations/{id}/victim-lists", operationId)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        String imports = "/api/operations/" + operationId + "/victim-lists/" + listId + "/imports";
        double serviceCpu = ProcessCpu.seconds(service.pid(), false);
        Map<String, Double> threads = ProcessCpu.byThread(service.pid());
        double databaseCpu = ProcessCpu.seconds(database, true);
        long start = System.nanoTime();
        long importId = api().body(Map.of())
                .post(imports)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        int parts = 0;
        for (int from = 0; from < file.length; from += PART) {
            api().contentType("text/csv")
                    .body(Arrays.copyOfRange(file, from, Math.min(file.length, from + PART)))
                    .put(imports + "/" + importId + "/parts/" + ++parts)
                    .then()
                    .statusCode(200);
        }
        long uploaded = System.nanoTime();
        api().body(Map.of("parts", parts, "sha256", sha256(file)))
                .post(imports + "/" + importId + "/complete")
                .then()
                .statusCode(202);
        JsonPath report = await().pollInterval(Duration.ofMillis(100))
                .atMost(Duration.ofMinutes(30))
                .until(
                        () -> api().get(imports + "/" + importId)
                                .then()
                                .extract()
                                .jsonPath(),
                        json -> !json.getString("status").equals("READING"));
        long done = System.nanoTime();
        serviceCpu = ProcessCpu.seconds(service.pid(), false) - serviceCpu;
        String serviceThreads = ProcessCpu.spent(threads, ProcessCpu.byThread(service.pid()), 8);
        databaseCpu = ProcessCpu.seconds(database, true) - databaseCpu;
        assertEquals("DONE", report.getString("status"), report.prettify());
        assertEquals(rows, report.getLong("rows"));

        double seconds = (done - start) / 1e9;
        System.out.printf(
                "RESULT round=%d rows=%d bytes=%d import=%.1f s (upload %.1f s, reading %.1f s) %.0f rows/s"
                        + " libphonenumber_alone=%.1f s service_peak_rss=%d MB service_jvm=%s"
                        + " cpu: service %.1f s, database %.1f s%n",
                round,
                rows,
                file.length,
                seconds,
                (uploaded - start) / 1e9,
                (done - uploaded) / 1e9,
                rows / seconds,
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

    private static RequestSpecification api() {
        return RestAssured.given()
                .auth()
                .preemptive()
                .basic("officer1", "test-password-123")
                .contentType("application/json")
                .accept("application/json");
    }

    /** Row i: a mobile (07400 000000 + i), every 33rd a later row's number in another spelling, every 50th a landline. */
    private static byte[] list(int rows) {
        StringBuilder csv = new StringBuilder(rows * 48).append("Mobile number,Full name,Bank impersonated\r\n");
        for (int i = 0; i < rows; i++) {
            String phone;
            if (i % 50 == 49) {
                phone = String.format("020 79%02d %04d", i % 100, i % 10_000);
            } else if (i % 33 == 32) {
                phone = String.format("+44 7400 %06d", i - 1);
            } else {
                phone = String.format("07400 %06d", i);
            }
            csv.append(phone)
                    .append(",\"Victim ")
                    .append(i)
                    .append(", Jr\",Bank ")
                    .append(i % 7)
                    .append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
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

    private static String sha256(byte[] file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
    }
}
