package org.takedown.victim.sms.smpp;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jsmpp.SMPPConstant;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.takedown.victim.message.SmsSplit;

/** The SMPP connector against a real SMSC on loopback (jSMPP's server side), fault by fault. */
class SmppConnectorTest {

    private static final String TO = "447700900123";

    private FakeSmsc smsc;
    private SmppConnector connector;
    private final List<String> receipts = new CopyOnWriteArrayList<>();
    private final List<String> inbound = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        smsc = new FakeSmsc();
        connector = connector(Duration.ofSeconds(2));
        connector.start();
        assertTrue(connector.bound(), connector.lastFailure());
    }

    private SmppConnector connector(Duration responseTimeout) {
        SmppSettings settings = new SmppSettings(
                "127.0.0.1",
                smsc.port(),
                "takedown",
                "secret",
                "",
                responseTimeout,
                Duration.ofSeconds(30),
                Duration.ofMillis(200),
                Duration.ofMillis(300),
                Duration.ofSeconds(2));
        return new SmppConnector(
                settings,
                new SmppConnector.Listener() {
                    @Override
                    public void receipt(String messageId, DeliveryReceiptState state, String error) {
                        receipts.add(messageId + " " + state + " " + error);
                    }

                    @Override
                    public void inbound(String from, String text) {
                        inbound.add(from + " " + text);
                    }
                },
                Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        connector.close();
        smsc.close();
    }

    @Test
    void longMessagesArriveWholeAsThePhoneJoinsThem() {
        Random random = new Random(70_000);
        String gsm = "Hello {}[]€^~|\\ £$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!\"#¤%&'()*+,-./0123456789:;<=>?¡ÄÖÑÜ§¿äöñüà abc\n";
        String other = "жë’😀";
        for (int round = 0; round < 60; round++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(450);
            boolean ucs2 = round % 3 == 0;
            while (text.length() < length) {
                if (ucs2 && random.nextInt(10) == 0) {
                    int at = other.offsetByCodePoints(0, random.nextInt(other.codePointCount(0, other.length())));
                    text.appendCodePoint(other.codePointAt(at));
                } else {
                    text.append(gsm.charAt(random.nextInt(gsm.length())));
                }
            }
            SubmitResult result = connector.submit("MetPolice", "+" + TO, text.toString());
            SubmitResult.Accepted accepted = assertInstanceOf(SubmitResult.Accepted.class, result);
            assertEquals(
                    SmsSplit.of(text.toString()).fragments(),
                    accepted.messageIds().size());
            FakeSmsc.Received received = smsc.received.get(smsc.received.size() - 1);
            assertEquals(text.toString(), received.text(), "round " + round);
            assertEquals(TO, received.destination());
            assertEquals("MetPolice", received.source());
            assertEquals(accepted.messageIds(), received.messageIds());
        }
    }

    @Test
    void anEscapeAndASurrogatePairAtAPartBoundaryArriveWhole() {
        for (String text : List.of("a".repeat(152) + "€" + "b".repeat(10), "ж".repeat(66) + "😀" + "ж".repeat(10))) {
            assertInstanceOf(SubmitResult.Accepted.class, connector.submit("MetPolice", TO, text));
            assertEquals(text, smsc.received.get(smsc.received.size() - 1).text());
        }
    }

    @Test
    void aThrottleOnTheFirstPartPausesTheWholeConnectorWithoutSpendingASubmit() {
        smsc.answerNext(SMPPConstant.STAT_ESME_RTHROTTLED);
        SubmitResult.Throttled first =
                assertInstanceOf(SubmitResult.Throttled.class, connector.submit("MetPolice", TO, "one"));
        assertTrue(first.pause().toMillis() > 0);
        int attempts = smsc.attempts.get();
        // every other sender is held back too, without reaching the SMSC
        assertInstanceOf(SubmitResult.Throttled.class, connector.submit("MetPolice", TO, "two"));
        assertEquals(attempts, smsc.attempts.get());
        await().atMost(Duration.ofSeconds(5))
                .until(() -> connector.submit("MetPolice", TO, "two") instanceof SubmitResult.Accepted);
        assertEquals(
                List.of("two"),
                smsc.received.stream().map(FakeSmsc.Received::text).toList());
    }

    @Test
    void aQueueFullThenThrottleOnALaterPartWaitsAndSendsTheRestOnce() {
        String text = "x".repeat(400);
        smsc.answerNext(SMPPConstant.STAT_ESME_ROK, SMPPConstant.STAT_ESME_RMSGQFUL, SMPPConstant.STAT_ESME_RTHROTTLED);
        SubmitResult.Accepted accepted =
                assertInstanceOf(SubmitResult.Accepted.class, connector.submit("MetPolice", TO, text));
        assertEquals(3, accepted.messageIds().size());
        assertEquals(5, smsc.attempts.get(), "three parts and the two refusals of the second");
        assertEquals(
                List.of(text),
                smsc.received.stream().map(FakeSmsc.Received::text).toList());
    }

    @Test
    void refusalsArePermanentOrNotByTheirStatus() {
        smsc.answerNext(SMPPConstant.STAT_ESME_RINVDSTADR, SMPPConstant.STAT_ESME_RSYSERR);
        SubmitResult.Refused invalid =
                assertInstanceOf(SubmitResult.Refused.class, connector.submit("MetPolice", TO, "a"));
        assertTrue(invalid.permanent());
        assertEquals(0x0B, invalid.commandStatus());
        SubmitResult.Refused system =
                assertInstanceOf(SubmitResult.Refused.class, connector.submit("MetPolice", TO, "b"));
        assertTrue(!system.permanent());
        assertTrue(smsc.received.isEmpty());
    }

    @Test
    void aWithheldAnswerIsNoAnswerNeverAFailure() throws Exception {
        connector.close();
        connector = connector(Duration.ofMillis(300));
        connector.start();
        smsc.withholdNext(1_000);
        SubmitResult.NoAnswer none =
                assertInstanceOf(SubmitResult.NoAnswer.class, connector.submit("MetPolice", TO, "late"));
        assertTrue(none.reason().contains("no submit_sm_resp"), none.reason());
        // the SMSC did take it: this is why such a message is never sent again by itself
        await().atMost(Duration.ofSeconds(5)).until(() -> smsc.received.size() == 1);
    }

    @Test
    void aLostBindIsBoundAgainAndARefusedBindSaysSo() {
        smsc.refuseBinds(true);
        smsc.dropBind();
        await().atMost(Duration.ofSeconds(5)).until(() -> !connector.bound());
        await().atMost(Duration.ofSeconds(5))
                .until(() -> String.valueOf(connector.lastFailure()).contains("refused the bind"));
        SubmitResult.NotConnected down =
                assertInstanceOf(SubmitResult.NotConnected.class, connector.submit("MetPolice", TO, "while down"));
        assertTrue(down.reason().contains("0xd"), down.reason());
        smsc.refuseBinds(false);
        await().atMost(Duration.ofSeconds(5)).until(connector::bound);
        assertInstanceOf(SubmitResult.Accepted.class, connector.submit("MetPolice", TO, "after"));
        assertEquals(
                List.of("after"),
                smsc.received.stream().map(FakeSmsc.Received::text).toList());
    }

    @Test
    void receiptsInHexOrDecimalAndInboundStopReachTheListener() throws Exception {
        SubmitResult.Accepted accepted =
                assertInstanceOf(SubmitResult.Accepted.class, connector.submit("MetPolice", TO, "receipt me"));
        String hex = accepted.messageIds().get(0);
        smsc.receipt(hex, DeliveryReceiptState.DELIVRD, "000");
        smsc.receipt(Long.toString(Long.parseLong(hex, 16)), DeliveryReceiptState.UNDELIV, "001");
        smsc.inbound("447700900123", "STOP");
        await().atMost(Duration.ofSeconds(5)).until(() -> receipts.size() == 2 && inbound.size() == 1);
        assertEquals(List.of(hex + " DELIVRD 000", Long.parseLong(hex, 16) + " UNDELIV 001"), receipts);
        assertEquals(List.of("447700900123 STOP"), inbound);
    }
}
