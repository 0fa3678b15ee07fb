package org.takedown.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.takedown.support.FakeBotApi;
import org.takedown.support.TelegramProfile;

/** The real TelegramBots client against the fake Bot API: every kind of answer becomes the right outcome. */
@QuarkusTest
@TestProfile(TelegramProfile.class)
public class TelegramGatewayTest {

    static final String CHANNEL = "@fraud_adverts";

    @Inject
    TelegramGateway gateway;

    FakeBotApi telegram;

    @BeforeEach
    void channel() {
        telegram.reset();
        telegram.chat(CHANNEL, new FakeBotApi.Chat(-1001000000001L, "channel", "Fraud adverts", "administrator", true));
    }

    void script(FakeBotApi.Fault fault) {
        telegram.fault(CHANNEL, fault, 1, 0);
    }

    @Test
    void aSentMessageUsesHtmlWithoutLinkPreviewAndReturnsItsId() {
        SendOutcome outcome = gateway.sendMessage(CHANNEL, "<b>Warning</b> &amp; more", true);
        FakeBotApi.Delivered delivered = telegram.delivered().get(0);
        assertEquals(new SendOutcome.Sent(delivered.messageId()), outcome);
        assertTrue("HTML".equalsIgnoreCase(delivered.parseMode()), delivered.parseMode());
        assertTrue(delivered.linkPreviewDisabled());
        assertTrue(delivered.silent());
        assertEquals("<b>Warning</b> &amp; more", delivered.text());
        assertFalse(gateway.dryRun());
    }

    @Test
    void everyKindOfAnswerIsClassified() {
        script(FakeBotApi.Fault.KICKED);
        assertInstanceOf(SendOutcome.TargetGone.class, gateway.sendMessage(CHANNEL, "x", false));
        script(FakeBotApi.Fault.BLOCKED);
        assertInstanceOf(SendOutcome.TargetGone.class, gateway.sendMessage(CHANNEL, "x", false));
        script(FakeBotApi.Fault.NOT_MEMBER);
        assertInstanceOf(SendOutcome.TargetGone.class, gateway.sendMessage(CHANNEL, "x", false));
        script(FakeBotApi.Fault.CHAT_NOT_FOUND);
        assertInstanceOf(SendOutcome.TargetGone.class, gateway.sendMessage(CHANNEL, "x", false));
        script(FakeBotApi.Fault.NOT_ENOUGH_RIGHTS);
        assertInstanceOf(SendOutcome.TargetGone.class, gateway.sendMessage(CHANNEL, "x", false));
        telegram.fault(CHANNEL, FakeBotApi.Fault.MIGRATE, 1, -1009876543210987L);
        assertEquals(new SendOutcome.Migrated(-1009876543210987L), gateway.sendMessage(CHANNEL, "x", false));
        script(FakeBotApi.Fault.SERVER_ERROR);
        SendOutcome failed = gateway.sendMessage(CHANNEL, "x", false);
        assertTrue(failed instanceof SendOutcome.Failed f && f.retryable(), failed.toString());
        script(FakeBotApi.Fault.NON_JSON);
        assertInstanceOf(SendOutcome.Unknown.class, gateway.sendMessage(CHANNEL, "x", false));
        assertInstanceOf(SendOutcome.ContentRefused.class, gateway.sendMessage(CHANNEL, "<b>unclosed & raw", false));
        assertInstanceOf(SendOutcome.ContentRefused.class, gateway.sendMessage(CHANNEL, "y".repeat(4097), false));
        assertTrue(telegram.delivered().isEmpty(), "none of these was delivered");
    }

    @Test
    void rateLimitsAreReportedWithTheirRetryAfter() {
        assertInstanceOf(SendOutcome.Sent.class, gateway.sendMessage(CHANNEL, "first", false));
        SendOutcome second = gateway.sendMessage(CHANNEL, "second within a second", false);
        assertEquals(new SendOutcome.RateLimited(1), second);
        assertEquals(1, telegram.tooManyRequests());
    }

    @Test
    void noAnswerInTimeIsUnknownBecauseTheMessageMayHaveArrived() {
        telegram.withholdFor(3_000);
        script(FakeBotApi.Fault.WITHHOLD);
        SendOutcome outcome = gateway.sendMessage(CHANNEL, "maybe", false);
        assertInstanceOf(SendOutcome.Unknown.class, outcome);
        assertEquals(1, telegram.delivered().size(), "the fake accepted it: that is why it must not be resent blindly");
    }

    @Test
    void failureTextsNeverCarryTheToken() {
        for (FakeBotApi.Fault fault : FakeBotApi.Fault.values()) {
            if (fault == FakeBotApi.Fault.WITHHOLD) {
                continue;
            }
            telegram.fault(CHANNEL, fault, 1, -100L);
            assertFalse(gateway.sendMessage(CHANNEL, "x", false).toString().contains(FakeBotApi.TOKEN), fault.name());
        }
    }
}
