package org.takedown.cluster;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.takedown.seizure.BannerFixtures;
import org.takedown.support.Api;
import org.takedown.support.Fixtures;
import org.takedown.support.ServiceProcess;

/**
 * Two replicas of the packaged service (run by failsafe after {@code package}) on one real PostgreSQL, as the Helm
 * chart runs them: production profile, clustered Quartz, each replica with its own ports.
 */
public class TwoReplicasIT {

    /** bcrypt (cost 4) of {@link Api#PASSWORD}, the test users' password, as in application.properties (%test). */
    private static final String PASSWORD_HASH = "$2a$04$j/coOW2b2pyrVjJdE/AG2.kUP9DHCrMKL4cPEO6I0A.FJh8uRpnES";

    private static EmbeddedPostgres postgres;
    private static ServiceProcess a;
    private static ServiceProcess b;

    @BeforeAll
    static void twoReplicas() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        Map<String, String> database = Map.of("TAKEDOWN_DB_URL", postgres.getJdbcUrl("postgres", "postgres"),
                "TAKEDOWN_DB_USER", "postgres", "TAKEDOWN_DB_PASSWORD", "");
        Map<String, String> config = new HashMap<>();
        config.put("takedown.officer-hosts", "localhost,127.0.0.1");
        for (String[] user : new String[][] {{"officer2", "officer"}, {"approver2", "approver"}, {"viewer1", "viewer"}}) {
            config.put("takedown.users." + user[0] + ".password-hash", PASSWORD_HASH);
            config.put("takedown.users." + user[0] + ".roles", user[1]);
        }
        List<String> jvm = List.of("-Xmx256m");
        // One after the other: the first runs the migrations, the second finds them applied.
        a = ServiceProcess.start("replica-a", jvm, database, config);
        b = ServiceProcess.start("replica-b", jvm, database, config);
        RestAssured.port = a.httpPort();
    }

    @AfterAll
    static void stop() throws IOException {
        RestAssured.reset();
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aBannerChangeMadeThroughOneReplicaIsServedByTheOtherWithinTwoSeconds() {
        String host = BannerFixtures.host();
        long operation = BannerFixtures.liveOperation(host);
        withinTwoSeconds(() -> onB(host).statusCode() == 200);
        onB(host).then().body(containsString("Seized")).body(containsString(host));

        Fixtures.move(operation, "officer2", "pause");
        withinTwoSeconds(() -> onB(host).statusCode() == 404);

        Fixtures.move(operation, "officer2", "resume");
        withinTwoSeconds(() -> onB(host).statusCode() == 200);
        given().port(b.httpPort()).auth().preemptive().basic("viewer1", Api.PASSWORD).get("/api/audit/verify")
                .then().statusCode(200).body("valid", equalTo(true));
    }

    private static Response onB(String host) {
        return given().port(b.httpPort()).header("Host", host).get("/");
    }

    private static void withinTwoSeconds(java.util.concurrent.Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50)).until(condition);
    }
}
