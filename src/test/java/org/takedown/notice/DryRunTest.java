package org.takedown.notice;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.takedown.delivery.Sender;
import org.takedown.support.Api;
import org.takedown.support.Fixtures;

/** Without a bot token nothing reaches Telegram, and that does not block an operation. */
@QuarkusTest
public class DryRunTest {

    @Inject
    TelegramGateway gateway;

    @Inject
    TelegramChannel channel;

    @Test
    void withoutATokenNothingIsSentOrChecked() {
        assertTrue(gateway.dryRun());
        assertSame(Sender.DRY_RUN, channel.sender(), "the channel's sender is chosen once: the one that sends nothing");
        assertThrows(IllegalStateException.class, () -> gateway.sendMessage("@anyone_at_all", "<b>x</b>", false));
        Fixtures.Ids ids = Fixtures.operationIn("DRAFT");
        Fixtures.addTelegramTarget(ids.operation(), "officer1");
        Api.as("officer1")
                .post("/api/operations/{id}/telegram-targets/preflight", ids.operation())
                .then()
                .statusCode(200)
                .body("preflightStatus", everyItem(equalTo("DRY_RUN")));
        Fixtures.move(ids.operation(), "officer1", "submit");
        Fixtures.approve(ids.operation(), "approver1");
    }

    @Test
    void aRunInDryRunRecordsTheExactPayloadOfEveryRow() {
        Fixtures.Ids ids = Fixtures.operationIn("ACTIVE");
        long run = Api.as("officer1")
                .post("/api/operations/{id}/notices/{n}/runs", ids.operation(), ids.notice())
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "DRY_RUN"
                        .equals(Api.as("viewer1")
                                .queryParam("runId", run)
                                .get("/api/operations/{id}/deliveries", ids.operation())
                                .jsonPath()
                                .getString("items[0].status")));
        Map<String, Object> row = Api.as("viewer1")
                .queryParam("runId", run)
                .get("/api/operations/{id}/deliveries", ids.operation())
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .extract()
                .jsonPath()
                .getMap("items[0]");
        String payload = (String) row.get("payload");
        assertTrue(
                payload.startsWith("Using spoofing services for criminal purposes is illegal.")
                        && payload.contains("Reference: T-"),
                payload);
        assertTrue(((String) row.get("detail")).contains("dry-run"), row.toString());
    }
}
