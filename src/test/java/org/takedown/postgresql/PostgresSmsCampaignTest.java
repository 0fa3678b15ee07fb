package org.takedown.postgresql;

import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.takedown.support.Api;
import org.takedown.support.PostgresSmscProfile;
import org.takedown.victim.sms.SmsCampaignTest;

@QuarkusTest
@TestProfile(PostgresSmscProfile.class)
public class PostgresSmsCampaignTest extends SmsCampaignTest {

    @Inject
    EntityManager em;

    /** A queued run's rows are in the planner's statistics before they go, not a minute later (autovacuum's nap). */
    @Test
    void aQueuedRunBringsTheLedgersStatisticsUpToDate() {
        Instant before = lastAnalyze();
        long[] ids = activeCampaign("phone,name,bank\r\n07700 900801,S1,Bank\r\n", -3600, null, null);
        String run = run(ids[0], ids[1]);
        Api.as("officer1").post(run).then().statusCode(201);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !"BUILDING".equals(Api.as("viewer1").get(run).path("status")));
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            Instant after = lastAnalyze();
            return after != null && (before == null || after.isAfter(before));
        });
    }

    private Instant lastAnalyze() {
        return QuarkusTransaction.requiringNew().call(() -> (Instant)
                em.createNativeQuery("select last_analyze from pg_stat_user_tables where relname = 'delivery'")
                        .getSingleResult());
    }
}
