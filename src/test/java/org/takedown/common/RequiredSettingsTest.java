package org.takedown.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequiredSettingsTest {

    @Test
    void eachMissingSettingIsOneLineNamingItsVariable() {
        List<String> missing = RequiredSettings.missing(Map.<String, String>of()::get);
        assertEquals(3, missing.size(), missing.toString());
        assertTrue(missing.get(0).startsWith("TAKEDOWN_DB_URL is not set: the production profile needs the PostgreSQL JDBC URL"),
                missing.get(0));
        assertTrue(missing.stream().noneMatch(line -> line.contains("\n")));
    }

    @Test
    void aSettingMayComeUnderItsQuarkusNameToo() {
        Map<String, String> given = Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db/t", "quarkus.datasource.username", "t",
                "TAKEDOWN_DB_PASSWORD", "secret");
        assertEquals(List.of(), RequiredSettings.missing(given::get));
    }

    @Test
    void oidcSettingsAreRequiredOnlyWhenOidcIsOn() {
        Map<String, String> database = Map.of("TAKEDOWN_DB_URL", "jdbc:postgresql://db/t", "TAKEDOWN_DB_USER", "t",
                "TAKEDOWN_DB_PASSWORD", "secret", "TAKEDOWN_OIDC_ENABLED", "true");
        List<String> missing = RequiredSettings.missing(database::get);
        assertEquals(2, missing.size(), missing.toString());
        assertTrue(missing.get(0).startsWith("TAKEDOWN_OIDC_ISSUER is not set"), missing.get(0));
        assertEquals("QUARKUS_OIDC_CONSOLE_CREDENTIALS_SECRET", RequiredSettings.quarkusVariable("quarkus.oidc.console.credentials.secret"));
    }
}
