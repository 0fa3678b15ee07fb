package org.takedown.seizure;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.takedown.support.Fixtures;

/**
 * Behind a TLS-terminating ingress: HSTS when the trusted proxy says the visitor came over https, the visitor's
 * address from X-Forwarded-For — and still no routing by forwarded host.
 */
@QuarkusTest
@TestProfile(BehindProxyTest.BehindProxy.class)
public class BehindProxyTest {

    public static class BehindProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true", "takedown.demo.enabled", "false");
        }
    }

    @Inject
    BannerSnapshots snapshots;

    @Inject
    VisitRecorder recorder;

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    @Test
    void httpsFromTheTrustedProxyGetsStrictTransportSecurity() throws Exception {
        String host = BannerFixtures.host();
        Map<String, Object> banner = BannerFixtures.banner(Map.of("en", BannerFixtures.texts("Seized")));
        banner.put("visitLog", "FULL");
        long operation = BannerFixtures.operation(
                "ACTIVE", Fixtures.operationBody(Fixtures.codeName()), List.of(BannerFixtures.domain(host)), banner);
        snapshots.refreshNow();
        given().header("Host", host)
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-For", "203.0.113.7")
                .header("X-Forwarded-Host", "localhost")
                .get("/api/me")
                .then()
                .statusCode(200)
                .body(containsString(BannerFixtures.MARKER))
                .header("Strict-Transport-Security", "max-age=31536000");
        assertNull(BannerFixtures.get(host, "/").header("Strict-Transport-Security"), "plain http: no HSTS");
        given().header("Host", "unknown-" + Fixtures.unique() + ".example")
                .header("X-Forwarded-Proto", "https")
                .get("/")
                .then()
                .statusCode(404)
                .header("Strict-Transport-Security", "max-age=31536000");
        recorder.flush();
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement("SELECT client FROM banner_visit WHERE operation_id = ?")) {
            s.setLong(1, operation);
            try (var rs = s.executeQuery()) {
                rs.next();
                assertEquals("203.0.113.7", rs.getString(1));
            }
        }
    }
}
