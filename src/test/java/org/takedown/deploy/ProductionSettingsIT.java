package org.takedown.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged service (production profile) started without its database settings says in one line each what is
 * missing and exits with status 1, before Quarkus starts: no stack trace, JSON or otherwise.
 */
class ProductionSettingsIT {

    @Test
    void missingDatabaseSettingsAreOneLineEachAndStatusOne() throws Exception {
        Path work = Files.createTempDirectory("takedown-settings");
        Path output = work.resolve("output.txt");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        Path.of("target", "quarkus-app", "quarkus-run.jar")
                                .toAbsolutePath()
                                .toString())
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("TAKEDOWN_") || name.startsWith("QUARKUS_"));
        environment.put("TAKEDOWN_DB_USER", "takedown");
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the service exits by itself");
        assertEquals(1, process.exitValue());
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank())
                .toList();
        assertEquals(
                List.of(
                        "TAKEDOWN_DB_URL is not set: the production profile needs the PostgreSQL JDBC URL, e.g. jdbc:postgresql://db:5432/takedown"
                                + " (or quarkus.datasource.jdbc.url)",
                        "TAKEDOWN_DB_PASSWORD is not set: the production profile needs the database user's password"
                                + " (set it empty for a database that trusts its clients) (or quarkus.datasource.password)",
                        "TAKEDOWN_PERSONAL_DATA_KEY_FILE is not set: the production profile needs the key file victims'"
                                + " personal data is encrypted under (docs/victims.md) (or takedown.victims.key-file)",
                        "TAKEDOWN_BOT_TOKEN is not set: the production profile needs the Telegram bot's token to send notices;"
                                + " TAKEDOWN_TELEGRAM_DRY_RUN=true runs the channel dry instead (or takedown.telegram.bot-token)",
                        "TAKEDOWN_SMPP_HOST is not set: the production profile needs the SMSC's host to text victims;"
                                + " TAKEDOWN_SMS_DRY_RUN=true runs the SMS channel dry instead"
                                + " (or takedown.victims.sms.smpp.host)",
                        "TAKEDOWN_SMPP_SYSTEM_ID is not set: the production profile needs the SMPP account's system id"
                                + " (or takedown.victims.sms.smpp.system-id)",
                        "TAKEDOWN_SMPP_PASSWORD is not set: the production profile needs the SMPP account's password"
                                + " (or takedown.victims.sms.smpp.password)"),
                lines);
        assertFalse(String.join("\n", lines).contains("Exception"));
        deleteQuietly(work, output);
    }

    private static void deleteQuietly(Path work, Path output) throws IOException {
        Files.deleteIfExists(output);
        Files.deleteIfExists(work);
    }
}
