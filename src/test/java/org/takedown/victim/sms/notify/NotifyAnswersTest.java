package org.takedown.victim.sms.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.takedown.delivery.DeliveryReceipt;
import org.takedown.delivery.Outcome;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;

/**
 * Notify's answers, as its own Java client reports them from the fake Notify API, in the engine's classes; and
 * Notify's statuses as receipts.
 */
class NotifyAnswersTest {

    static FakeNotify notify;
    static NotificationClient client;

    @BeforeAll
    static void start() throws IOException {
        notify = new FakeNotify();
        client = new NotificationClient(FakeNotify.API_KEY, "http://127.0.0.1:" + notify.port());
    }

    @AfterAll
    static void stop() {
        notify.close();
    }

    @Test
    void theClientsTokenIsAcceptedAndAWrongKeyIsRefusedAsAnAuthError() throws Exception {
        assertEquals(
                "Hello",
                client.sendSms(FakeNotify.TEMPLATE_ID, "07700900123", Map.of("message", "Hello"), "takedown-1")
                        .getBody());
        NotificationClient wrong = new NotificationClient(
                "takedown_test-" + FakeNotify.SERVICE_ID + "-" + "11111111-2222-3333-4444-555555555555",
                "http://127.0.0.1:" + notify.port());
        Outcome outcome = outcomeOf(wrong, "07700900123");
        assertEquals(
                new Outcome.Failed("Notify 403 AuthError: Invalid token: signature, api token not found", true),
                outcome);
    }

    @Test
    void theRateLimitPausesTheChannelAndTheDailyLimitUntilMidnightInLondon() {
        notify.answerNext(
                429, "RateLimitError", "Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds");
        assertEquals(
                new Outcome.RateLimited(NotifyAnswers.RATE_LIMIT_PAUSE_SECONDS, true),
                outcomeOf(client, "07700900123"));

        notify.answerNext(429, "TooManyRequestsError", "Exceeded send limits (250000) for today");
        NotificationClientException daily = exceptionOf(client, "07700900123");
        ZonedDateTime elevenPm = ZonedDateTime.parse("2026-03-28T23:00:00Z[Europe/London]");
        assertEquals(new Outcome.RateLimited(3600, true), NotifyAnswers.outcome(daily, elevenPm));
    }

    @Test
    void aRefusedNumberFailsItsVictimAndARefusedTemplateStopsTheCampaign() {
        Outcome number = outcomeOf(client, "01632 960001"); // a landline: Notify's own validation
        assertInstanceOf(Outcome.RecipientGone.class, number);
        assertTrue(((Outcome.RecipientGone) number).reason().contains("phone_number Not a UK mobile number"));
        assertFalse(number.toString().contains("960001"), number.toString());

        notify.answerNext(400, "BadRequestError", "Can't send to this recipient using a team-only API key");
        assertInstanceOf(Outcome.RecipientGone.class, outcomeOf(client, "07700900123"));

        notify.answerNext(400, "BadRequestError", "Missing personalisation: message");
        assertInstanceOf(Outcome.ContentRefused.class, outcomeOf(client, "07700900123"));
    }

    @Test
    void aServerErrorIsTriedAgainAndANumberEchoedInAReasonIsNotKept() {
        notify.answerNext(500, "Exception", "Internal server error for 07700 900123");
        Outcome outcome = outcomeOf(client, "07700900123");
        assertEquals(new Outcome.Failed("Notify 500 Exception: Internal server error for •••", true), outcome);
    }

    @Test
    void noConnectionWaitsWithTheChannelButNoAnswerIsUnknown() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        NotificationClient nowhere = new NotificationClient(FakeNotify.API_KEY, "http://127.0.0.1:" + closed);
        Outcome refused = outcomeOf(nowhere, "07700900123");
        assertInstanceOf(Outcome.Unreachable.class, refused);
        assertEquals(NotifyAnswers.UNREACHABLE_PAUSE_SECONDS, ((Outcome.Unreachable) refused).retryAfterSeconds());

        // a read that timed out: the request may have reached Notify
        Outcome silent =
                NotifyAnswers.outcome(new NotificationClientException(new SocketTimeoutException("Read timed out")));
        assertInstanceOf(Outcome.Unknown.class, silent);
    }

    @Test
    void statusesAreReceipts() {
        assertEquals(DeliveryReceipt.Status.DELIVERED, NotifyAnswers.receipt("delivered"));
        assertEquals(DeliveryReceipt.Status.FAILED_PERMANENT, NotifyAnswers.receipt("permanent-failure"));
        assertEquals(DeliveryReceipt.Status.FAILED_TEMPORARY, NotifyAnswers.receipt("temporary-failure"));
        assertEquals(DeliveryReceipt.Status.FAILED_TECHNICAL, NotifyAnswers.receipt("technical-failure"));
        for (String progress : new String[] {"created", "sending", "pending", "sent"}) {
            assertEquals(DeliveryReceipt.Status.PROGRESS, NotifyAnswers.receipt(progress), progress);
        }
    }

    private static Outcome outcomeOf(NotificationClient client, String phone) {
        return NotifyAnswers.outcome(exceptionOf(client, phone));
    }

    private static NotificationClientException exceptionOf(NotificationClient client, String phone) {
        try {
            client.sendSms(FakeNotify.TEMPLATE_ID, phone, Map.of("message", "Hello"), "takedown-1");
        } catch (NotificationClientException e) {
            return e;
        }
        throw new AssertionError("Notify accepted the message");
    }
}
