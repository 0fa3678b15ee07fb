package org.takedown.logging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.takedown.support.EmbeddedPostgresResource;
import org.takedown.support.FakeBotApi;
import org.takedown.victim.list.VictimFixtures;
import org.takedown.victim.sms.SmsCampaignTest;
import org.takedown.victim.sms.notify.FakeNotify;
import org.takedown.victim.sms.notify.FakeNotifyResource;
import org.takedown.victim.sms.notify.NotifyCampaignTest;

/**
 * Runs after the unit and integration tests of {@code ./mvnw verify} (failsafe, after surefire): every test class's
 * log, kept by surefire at INFO, is searched for the bot token and the database password the tests gave the service,
 * for the victims' numbers, addresses and names the import and SMS tests read and texted, for the personal-data keys,
 * and for GOV.UK Notify's key secret and callback token. Thousands of
 * requests, sends, 429s, failures, imports and stack traces went through those logs.
 */
class LogSecretsIT {

    @Test
    void noTestLogCarriesASecretOrAVictimsPersonalData() throws IOException {
        Path reports = Path.of("target", "surefire-reports");
        assertTrue(Files.isDirectory(reports), "no " + reports + ": run the whole ./mvnw verify, the unit tests first");
        List<Path> logs;
        try (Stream<Path> files = Files.list(reports)) {
            logs = files.filter(f -> f.getFileName().toString().endsWith("-output.txt"))
                    .toList();
        }
        assertTrue(logs.size() >= 10, "surefire kept only " + logs.size() + " test logs in " + reports);
        String token = FakeBotApi.TOKEN.substring(FakeBotApi.TOKEN.indexOf(':') + 1);
        List<String> personal = new ArrayList<>(VictimFixtures.NEVER_IN_CLEAR);
        personal.addAll(SmsCampaignTest.NEVER_IN_CLEAR);
        personal.addAll(NotifyCampaignTest.NEVER_IN_CLEAR);
        // GOV.UK Notify's API key secret and the bearer token of its callbacks
        personal.add(FakeNotify.SECRET);
        personal.add(FakeNotifyResource.CALLBACK_TOKEN);
        Path keyFile = Path.of("target", "test-personal-data.keys");
        assertTrue(Files.exists(keyFile), "the tests ran without their personal-data key file " + keyFile);
        for (String line : Files.readAllLines(keyFile, StandardCharsets.UTF_8)) {
            if (!line.startsWith("#") && line.contains("=") && !line.startsWith("active=")) {
                personal.add(line.substring(line.indexOf('=') + 1));
            }
        }
        long lines = 0;
        for (Path log : logs) {
            List<String> content = Files.readAllLines(log, StandardCharsets.UTF_8);
            lines += content.size();
            for (String line : content) {
                assertFalse(line.contains(token), "bot token in " + log + ": " + line);
                assertFalse(
                        line.contains(EmbeddedPostgresResource.PASSWORD), "database password in " + log + ": " + line);
                for (String value : personal) {
                    assertFalse(line.contains(value), "personal data or a key in " + log + ": " + line);
                }
            }
        }
        assertTrue(lines > 1000, "the test logs hold only " + lines + " lines: is the test log level still INFO?");
    }
}
