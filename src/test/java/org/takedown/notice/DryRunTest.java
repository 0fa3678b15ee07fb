package org.takedown.notice;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.takedown.support.Api;
import org.takedown.support.Fixtures;

/** Without a bot token nothing reaches Telegram, and that does not block an operation. */
@QuarkusTest
public class DryRunTest {

    @Inject
    TelegramGateway gateway;

    @Test
    void withoutATokenNothingIsSentOrChecked() {
        assertTrue(gateway.dryRun());
        assertEquals(new SendOutcome.DryRun(), gateway.sendMessage("@anyone_at_all", "<b>x</b>", false));
        Fixtures.Ids ids = Fixtures.operationIn("DRAFT");
        Fixtures.addTelegramTarget(ids.operation(), "officer1");
        Api.as("officer1").post("/api/operations/{id}/telegram-targets/preflight", ids.operation()).then().statusCode(200)
                .body("preflightStatus", everyItem(equalTo("DRY_RUN")));
        Fixtures.move(ids.operation(), "officer1", "submit");
        Fixtures.approve(ids.operation(), "approver1");
    }
}
