package org.takedown.victim.sms;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.takedown.support.Api;
import org.takedown.support.Fixtures;
import org.takedown.victim.list.VictimApi;

/**
 * Without an SMSC the SMS channel runs dry: a started campaign's rows are all recorded DRY_RUN. A campaign is started
 * only while its operation is active, and an unknown campaign has no run.
 */
@QuarkusTest
public class SmsDryRunTest {

    @Test
    void withoutAnSmscEveryMessageIsRecordedDry() {
        long[] ids = SmsCampaignTest.activeCampaign(
                "phone,name,bank\r\n07700 900501,Ann,Bank\r\n07700 900502,Bo,Bank\r\n", -60, null, null);
        String run = SmsCampaignTest.run(ids[0], ids[1]);
        Api.as("officer1").post(run).then().statusCode(201);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> SmsCampaignTest.statuses(ids[0]).getOrDefault("DRY_RUN", 0L) == 2);
        assertEquals(Map.of("DRY_RUN", 2L), SmsCampaignTest.statuses(ids[0]));
        assertTrue(SmsCampaignTest.ledger(ids[0]).stream().allMatch(row -> row.detail.contains("dry-run")));
    }

    @Test
    void aCampaignIsStartedOnlyWhileItsOperationIsActive() {
        long operationId = Fixtures.operationIn("DRAFT").operation();
        long listId = VictimApi.list(operationId, Map.of("name", "Victims"));
        VictimApi.importFile(operationId, listId, "phone\r\n07700 900511\r\n".getBytes(StandardCharsets.UTF_8));
        long campaignId = Api.as("officer1")
                .body(org.takedown.victim.campaign.CampaignTest.body(listId))
                .post("/api/operations/" + operationId + "/campaigns")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        String run = SmsCampaignTest.run(operationId, campaignId);
        Api.as("officer1")
                .post(run)
                .then()
                .statusCode(409)
                .body("detail", containsString("only while its operation is active"));
        Api.as("viewer1").get(run).then().statusCode(404);
        Api.as("officer1").post(run + "/pause").then().statusCode(404);
        Api.as("officer1")
                .post(SmsCampaignTest.run(operationId, campaignId + 1000))
                .then()
                .statusCode(404);
    }
}
