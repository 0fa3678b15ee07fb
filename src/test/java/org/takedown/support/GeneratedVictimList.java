package org.takedown.support;

import static org.awaitility.Awaitility.await;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.takedown.common.DeterministicJson;

/**
 * A generated victim list for runs at scale (a benchmark, a million-row test) and its import into a running service
 * through the API, as an officer's upload does it: 1 MB parts, complete with the file's SHA-256, wait for the end.
 *
 * <p>Row i: a UK mobile (07400 000000 + i); every 33rd the row before's number in another spelling (a duplicate,
 * unless that row was a landline); every 50th a London landline (refused).
 */
public final class GeneratedVictimList {

    private static final String PASSWORD_HASH = "$2a$04$j/coOW2b2pyrVjJdE/AG2.kUP9DHCrMKL4cPEO6I0A.FJh8uRpnES";

    private static final int PART = 1_000_000;

    /** The file and what an import of it must report. */
    public record File(byte[] bytes, int rows, int accepted, int duplicates, int refused) {}

    /** An import as it went: its final report and when it was uploaded and done ({@link System#nanoTime}). */
    public record Imported(JsonPath report, long started, long uploaded, long done) {}

    private GeneratedVictimList() {}

    public static File generate(int rows) {
        StringBuilder csv = new StringBuilder(rows * 48).append("Mobile number,Full name,Bank impersonated\r\n");
        Set<Integer> mobiles = new HashSet<>();
        int duplicates = 0;
        int refused = 0;
        for (int i = 0; i < rows; i++) {
            String phone;
            if (i % 50 == 49) {
                phone = String.format("020 79%02d %04d", i % 100, i % 10_000);
                refused++;
            } else if (i % 33 == 32) {
                phone = String.format("+44 7400 %06d", i - 1);
                duplicates += mobiles.add(i - 1) ? 0 : 1;
            } else {
                phone = String.format("07400 %06d", i);
                mobiles.add(i);
            }
            csv.append(phone)
                    .append(",\"Victim ")
                    .append(i)
                    .append(", Jr\",Bank ")
                    .append(i % 7)
                    .append("\r\n");
        }
        return new File(csv.toString().getBytes(StandardCharsets.UTF_8), rows, mobiles.size(), duplicates, refused);
    }

    /**
     * The packaged service (prod profile, its own process) on this database, with dry-run channels, a fresh personal
     * data key and the importing officer; RestAssured is pointed at it.
     */
    public static ServiceProcess startService(EmbeddedPostgres postgres, String name, List<String> jvm) {
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
        Map<String, String> config = Map.of(
                "takedown.officer-hosts", "localhost,127.0.0.1",
                "takedown.users.officer1.password-hash", PASSWORD_HASH,
                "takedown.users.officer1.roles", "officer");
        ServiceProcess service = ServiceProcess.start(name, jvm, environment, config);
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = service.httpPort();
        return service;
    }

    /** Imports the file into a new list of the operation on the service at RestAssured's base URI and port. */
    public static Imported importInto(long operationId, String listName, byte[] file, Duration limit) {
        long listId = api().body(Map.of("name", listName))
                .post("/api/operations/{id}/victim-lists", operationId)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        String imports = "/api/operations/" + operationId + "/victim-lists/" + listId + "/imports";
        long started = System.nanoTime();
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
        api().body(Map.of("parts", parts, "sha256", DeterministicJson.sha256Hex(file)))
                .post(imports + "/" + importId + "/complete")
                .then()
                .statusCode(202);
        JsonPath report = await().pollInterval(Duration.ofMillis(100))
                .atMost(limit)
                .until(
                        () -> api().get(imports + "/" + importId)
                                .then()
                                .extract()
                                .jsonPath(),
                        json -> !json.getString("status").equals("READING"));
        return new Imported(report, started, uploaded, System.nanoTime());
    }

    private static RequestSpecification api() {
        return Api.as("officer1");
    }
}
