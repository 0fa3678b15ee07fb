package org.takedown.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequiredSettingsTest {

    @Test
    void eachMissingSettingIsOneLineNamingItsVariable() {
        List<String> missing = RequiredSettings.missing(Map.<String, String>of()::get);
        assertEquals(8, missing.size(), missing.toString());
        assertTrue(
                missing.get(0)
                        .startsWith("TAKEDOWN_DB_URL is not set: the production profile needs the PostgreSQL JDBC URL"),
                missing.get(0));
        assertTrue(missing.stream().noneMatch(line -> line.contains("\n")));
    }

    @Test
    void aSettingMayComeUnderItsQuarkusNameToo() {
        Map<String, String> given = Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL",
                "jdbc:postgresql://db/t",
                "quarkus.datasource.username",
                "t",
                "TAKEDOWN_DB_PASSWORD",
                "secret",
                "takedown.telegram.bot-token",
                "123:abc",
                "takedown.victims.key-file",
                "/etc/takedown/personal-data.keys",
                "takedown.victims.sms.dry-run",
                "true");
        assertEquals(List.of(), RequiredSettings.missing(given::get));
    }

    @Test
    void anEmptyDatabasePasswordIsAChoiceButAnEmptyUrlIsNot() {
        Map<String, String> given = Map.of(
                "TAKEDOWN_DB_URL",
                " ",
                "TAKEDOWN_DB_USER",
                "t",
                "TAKEDOWN_DB_PASSWORD",
                "",
                "TAKEDOWN_BOT_TOKEN",
                "123:abc",
                "TAKEDOWN_PERSONAL_DATA_KEY_FILE",
                "/etc/takedown/personal-data.keys",
                "TAKEDOWN_SMS_DRY_RUN",
                "true");
        List<String> missing = RequiredSettings.missing(given::get);
        assertEquals(1, missing.size(), missing.toString());
        assertTrue(missing.get(0).startsWith("TAKEDOWN_DB_URL is not set"), missing.get(0));
    }

    @Test
    void theTelegramChannelNeedsABotTokenUnlessItIsSaidToRunDry() {
        Map<String, String> database = Map.of(
                "TAKEDOWN_DB_URL",
                "jdbc:postgresql://db/t",
                "TAKEDOWN_DB_USER",
                "t",
                "TAKEDOWN_DB_PASSWORD",
                "s",
                "TAKEDOWN_PERSONAL_DATA_KEY_FILE",
                "/etc/takedown/personal-data.keys",
                "TAKEDOWN_SMS_DRY_RUN",
                "true");
        List<String> missing = RequiredSettings.missing(database::get);
        assertEquals(1, missing.size(), missing.toString());
        assertTrue(missing.get(0).startsWith("TAKEDOWN_BOT_TOKEN is not set"), missing.get(0));
        assertTrue(missing.get(0).contains("TAKEDOWN_TELEGRAM_DRY_RUN=true"), missing.get(0));

        Map<String, String> dry = new HashMap<>(database);
        dry.put("TAKEDOWN_TELEGRAM_DRY_RUN", "TRUE");
        assertEquals(List.of(), RequiredSettings.missing(dry::get));
        dry.put("TAKEDOWN_TELEGRAM_DRY_RUN", "false");
        assertEquals(1, RequiredSettings.missing(dry::get).size());
    }

    @Test
    void theSmsChannelNeedsAnSmppAccountUnlessItIsSaidToRunDry() {
        Map<String, String> given = new HashMap<>(Map.of(
                "TAKEDOWN_DB_URL",
                "jdbc:postgresql://db/t",
                "TAKEDOWN_DB_USER",
                "t",
                "TAKEDOWN_DB_PASSWORD",
                "s",
                "TAKEDOWN_PERSONAL_DATA_KEY_FILE",
                "/etc/takedown/personal-data.keys",
                "TAKEDOWN_TELEGRAM_DRY_RUN",
                "true"));
        List<String> missing = RequiredSettings.missing(given::get);
        assertEquals(3, missing.size(), missing.toString());
        assertTrue(missing.get(0).startsWith("TAKEDOWN_SMPP_HOST is not set"), missing.get(0));
        assertTrue(missing.get(0).contains("TAKEDOWN_SMS_DRY_RUN=true"), missing.get(0));
        assertTrue(missing.get(1).startsWith("TAKEDOWN_SMPP_SYSTEM_ID is not set"), missing.get(1));
        assertTrue(missing.get(2).startsWith("TAKEDOWN_SMPP_PASSWORD is not set"), missing.get(2));

        given.put("TAKEDOWN_SMPP_HOST", "smsc.example.net");
        given.put("takedown.victims.sms.smpp.system-id", "met");
        given.put("TAKEDOWN_VICTIMS_SMS_SMPP_PASSWORD", "s3cret"); // the property as a variable
        assertEquals(List.of(), RequiredSettings.missing(given::get));

        given.remove("TAKEDOWN_SMPP_HOST");
        assertEquals(1, RequiredSettings.missing(given::get).size());
        given.put("TAKEDOWN_SMS_DRY_RUN", "true");
        assertEquals(List.of(), RequiredSettings.missing(given::get));

        // GOV.UK Notify is optional, but a key without its template cannot send
        given.put(
                "TAKEDOWN_NOTIFY_API_KEY",
                "live-2f5b4c1e-8b5e-4f7e-9a4e-6c0b0f3a1d2e-0d9f5c3a-7e21-4b9a-8f3e-5a6b7c8d9e0f");
        List<String> notify = RequiredSettings.missing(given::get);
        assertEquals(1, notify.size(), notify.toString());
        assertTrue(notify.get(0).startsWith("TAKEDOWN_NOTIFY_TEMPLATE_ID is not set"), notify.get(0));
        given.put("TAKEDOWN_NOTIFY_TEMPLATE_ID", "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");
        assertEquals(List.of(), RequiredSettings.missing(given::get));
    }

    @Test
    void oidcSettingsAreRequiredOnlyWhenOidcIsOn() {
        Map<String, String> database = Map.of(
                "TAKEDOWN_DB_URL",
                "jdbc:postgresql://db/t",
                "TAKEDOWN_DB_USER",
                "t",
                "TAKEDOWN_DB_PASSWORD",
                "secret",
                "TAKEDOWN_OIDC_ENABLED",
                "true",
                "TAKEDOWN_TELEGRAM_DRY_RUN",
                "true",
                "TAKEDOWN_SMS_DRY_RUN",
                "true",
                "TAKEDOWN_PERSONAL_DATA_KEY_FILE",
                "/etc/takedown/personal-data.keys");
        List<String> missing = RequiredSettings.missing(database::get);
        assertEquals(2, missing.size(), missing.toString());
        assertTrue(missing.get(0).startsWith("TAKEDOWN_OIDC_ISSUER is not set"), missing.get(0));
        assertEquals(
                "QUARKUS_OIDC_CONSOLE_CREDENTIALS_SECRET",
                RequiredSettings.quarkusVariable("quarkus.oidc.console.credentials.secret"));
    }

    @Test
    void productionNeedsAPersonalDataKeyFile() {
        Map<String, String> rest = Map.of(
                "TAKEDOWN_DB_URL",
                "jdbc:postgresql://db/t",
                "TAKEDOWN_DB_USER",
                "t",
                "TAKEDOWN_DB_PASSWORD",
                "s",
                "TAKEDOWN_TELEGRAM_DRY_RUN",
                "true",
                "TAKEDOWN_SMS_DRY_RUN",
                "true");
        List<String> missing = RequiredSettings.missing(rest::get);
        assertEquals(1, missing.size(), missing.toString());
        assertTrue(missing.get(0).startsWith("TAKEDOWN_PERSONAL_DATA_KEY_FILE is not set"), missing.get(0));
    }
}
