package org.takedown.victim.sms.smpp;

import com.cloudhopper.commons.charset.GSMCharset;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

/**
 * An SMSC on loopback, built on jSMPP's server side: it takes transceiver binds, answers {@code submit_sm} with
 * hexadecimal message ids, throttles ({@code 0x58}) beyond its rate, joins concatenated parts into the messages a phone
 * would show (decoding GSM 03.38 with an independent decoder), sends receipts and inbound messages, and plays the
 * faults a test scripts: a refused bind, an error status, a withheld answer, a dropped bind.
 */
public final class FakeSmsc implements AutoCloseable {

    /** A message as the phone shows it, once every part has arrived. */
    public record Received(String destination, String source, String text, List<String> messageIds) {}

    /** One {@code submit_sm} as it was accepted, and when ({@link System#nanoTime()}). */
    public record Submitted(
            String messageId, String destination, byte esmClass, byte dataCoding, byte[] bytes, long acceptedNanos) {}

    private final SMPPServerSessionListener listener;
    private final Thread acceptor;
    private final AtomicLong ids = new AtomicLong(0x1000);
    private final Deque<Integer> scriptedStatuses = new ArrayDeque<>();
    private final List<Long> acceptedAt = new ArrayList<>();
    private final Map<String, String[]> partsInProgress = new HashMap<>();
    private final Map<String, List<String>> idsInProgress = new HashMap<>();

    public final List<Submitted> submitted = new CopyOnWriteArrayList<>();
    public final List<Received> received = new CopyOnWriteArrayList<>();
    public final AtomicInteger throttled = new AtomicInteger();
    public final AtomicInteger attempts = new AtomicInteger();
    public final AtomicInteger binds = new AtomicInteger();
    /** The most {@code submit_sm} it has held at once, unanswered. */
    public final AtomicInteger peakOutstanding = new AtomicInteger();

    private final AtomicInteger outstanding = new AtomicInteger();

    private final ExecutorService receipts = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "fake-smsc-receipts");
        thread.setDaemon(true);
        return thread;
    });

    /** Receipts {@link #autoReceipts} could not send (the bind was gone). */
    public final AtomicInteger failedReceipts = new AtomicInteger();

    private volatile boolean autoReceipts;
    private volatile double ratePerSecond = Double.MAX_VALUE;
    private volatile boolean refuseBinds;
    private volatile long withholdMillis;
    private volatile long answerAfterMillis;
    private volatile int window = Integer.MAX_VALUE;
    private volatile SMPPServerSession session;
    private volatile boolean closed;

    public FakeSmsc() throws IOException {
        listener = new SMPPServerSessionListener(freePort());
        listener.setMessageReceiverListener(new Receiver());
        acceptor = new Thread(this::acceptLoop, "fake-smsc");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** jSMPP reports the port it was given, so a free one is found first (port 0 would read back as 0). */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public int port() {
        return listener.getPort();
    }

    /** Messages a second it accepts; beyond, it answers ESME_RTHROTTLED. */
    public FakeSmsc rate(double perSecond) {
        this.ratePerSecond = perSecond;
        return this;
    }

    /** Sends a DELIVRD receipt for every part it accepts from now on, in order, on a thread of its own. */
    public FakeSmsc autoReceipts(boolean on) {
        this.autoReceipts = on;
        return this;
    }

    /** Its message ids start again from the first, as an SMSC's counter does when it wraps or the SMSC restarts. */
    public FakeSmsc restartIds() {
        ids.set(0x1000);
        return this;
    }

    public FakeSmsc refuseBinds(boolean refuse) {
        this.refuseBinds = refuse;
        return this;
    }

    /**
     * The next {@code submit_sm}s are answered with these statuses, in order, instead of being accepted
     * ({@code 0}, ESME_ROK: that one is taken as usual).
     */
    public synchronized FakeSmsc answerNext(Integer... statuses) {
        scriptedStatuses.addAll(Arrays.asList(statuses));
        return this;
    }

    /** The next {@code submit_sm} is answered this late (after the client has given up), then accepted. */
    public FakeSmsc withholdNext(long millis) {
        this.withholdMillis = millis;
        return this;
    }

    /** Every {@code submit_sm} from now on is answered this late (a slow SMSC, within the client's timeout). */
    public FakeSmsc answerAfter(long millis) {
        this.answerAfterMillis = millis;
        return this;
    }

    /**
     * Submits it holds unanswered at once; beyond, it answers ESME_RTHROTTLED. (jSMPP's server handles three PDUs of a
     * session at a time, so a window above three is never reached.)
     */
    public FakeSmsc window(int submits) {
        this.window = submits;
        return this;
    }

    /** Closes the current bind as a failing SMSC would: the client sees the connection go. */
    public void dropBind() {
        SMPPServerSession current = session;
        if (current != null) {
            current.close();
        }
    }

    /** A delivery receipt for a message id, written as {@code idForm} (the hex id as given, or its decimal value). */
    public void receipt(String idForm, DeliveryReceiptState state, String error) throws Exception {
        DeliveryReceipt receipt = new DeliveryReceipt(
                idForm, 1, state == DeliveryReceiptState.DELIVRD ? 1 : 0, new Date(), new Date(), state, error, "");
        session.deliverShortMessage(
                "",
                TypeOfNumber.INTERNATIONAL,
                NumberingPlanIndicator.ISDN,
                "447700900000",
                TypeOfNumber.ALPHANUMERIC,
                NumberingPlanIndicator.UNKNOWN,
                "Takedown",
                new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                (byte) 0,
                (byte) 0,
                new RegisteredDelivery(0),
                new GeneralDataCoding(Alphabet.ALPHA_DEFAULT),
                receipt.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A message from a phone to us, as GSM default alphabet. */
    public void inbound(String from, String text) throws Exception {
        session.deliverShortMessage(
                "",
                TypeOfNumber.INTERNATIONAL,
                NumberingPlanIndicator.ISDN,
                from,
                TypeOfNumber.ALPHANUMERIC,
                NumberingPlanIndicator.UNKNOWN,
                "Takedown",
                new ESMClass(),
                (byte) 0,
                (byte) 0,
                new RegisteredDelivery(0),
                new GeneralDataCoding(Alphabet.ALPHA_DEFAULT),
                new GSMCharset().encode(text));
    }

    @Override
    public void close() throws IOException {
        closed = true;
        receipts.shutdownNow();
        acceptor.interrupt();
        dropBind();
        listener.close();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SMPPServerSession accepted = listener.accept();
                BindRequest bind = accepted.waitForBind(5_000);
                if (refuseBinds) {
                    bind.reject(SMPPConstant.STAT_ESME_RBINDFAIL);
                    continue;
                }
                bind.accept("fake-smsc");
                binds.incrementAndGet();
                session = accepted;
            } catch (Exception e) {
                // a client that went before binding, or the listener closing: the loop's condition decides
            }
        }
    }

    private SubmitSmResult accept(SubmitSm submit) throws ProcessRequestException {
        int held = outstanding.incrementAndGet();
        peakOutstanding.accumulateAndGet(held, Math::max);
        try {
            if (held > window) {
                throttled.incrementAndGet();
                throw new ProcessRequestException("window full", SMPPConstant.STAT_ESME_RTHROTTLED);
            }
            sleep(answerAfterMillis);
            return acceptInWindow(submit);
        } finally {
            outstanding.decrementAndGet();
        }
    }

    private SubmitSmResult acceptInWindow(SubmitSm submit) throws ProcessRequestException {
        attempts.incrementAndGet();
        Integer scripted;
        synchronized (this) {
            scripted = scriptedStatuses.poll();
        }
        if (scripted != null && scripted != SMPPConstant.STAT_ESME_ROK) {
            throw new ProcessRequestException("scripted", scripted);
        }
        long withhold = withholdMillis;
        if (withhold > 0) {
            withholdMillis = 0;
            sleep(withhold);
        }
        synchronized (acceptedAt) {
            long now = System.nanoTime();
            acceptedAt.removeIf(at -> now - at >= 1_000_000_000L);
            if (acceptedAt.size() + 1 > ratePerSecond) {
                throttled.incrementAndGet();
                throw new ProcessRequestException("throttled", SMPPConstant.STAT_ESME_RTHROTTLED);
            }
            acceptedAt.add(now);
        }
        String id = Long.toHexString(ids.incrementAndGet());
        byte[] bytes = submit.getShortMessage();
        submitted.add(new Submitted(
                id, submit.getDestAddress(), submit.getEsmClass(), submit.getDataCoding(), bytes, System.nanoTime()));
        if (autoReceipts) {
            receipts.execute(() -> {
                try {
                    receipt(id, DeliveryReceiptState.DELIVRD, "000");
                } catch (Exception e) {
                    failedReceipts.incrementAndGet();
                }
            });
        }
        join(submit, id, bytes);
        try {
            return new SubmitSmResult(new MessageId(id), null);
        } catch (Exception e) {
            throw new ProcessRequestException("bad id", SMPPConstant.STAT_ESME_RSYSERR, e);
        }
    }

    private void join(SubmitSm submit, String id, byte[] bytes) {
        boolean ucs2 = submit.getDataCoding() == new GeneralDataCoding(Alphabet.ALPHA_UCS2).toByte();
        if (!submit.isUdhi()) {
            received.add(
                    new Received(submit.getDestAddress(), submit.getSourceAddr(), decode(bytes, 0, ucs2), List.of(id)));
            return;
        }
        int headerLength = bytes[0] & 0xFF;
        int reference = bytes[3] & 0xFF;
        int total = bytes[4] & 0xFF;
        int sequence = bytes[5] & 0xFF;
        String key = submit.getDestAddress() + "/" + reference;
        synchronized (partsInProgress) {
            String[] parts = partsInProgress.computeIfAbsent(key, k -> new String[total]);
            parts[sequence - 1] = decode(bytes, headerLength + 1, ucs2);
            List<String> partIds = idsInProgress.computeIfAbsent(key, k -> new ArrayList<>());
            partIds.add(id);
            if (Arrays.stream(parts).allMatch(p -> p != null)) {
                partsInProgress.remove(key);
                idsInProgress.remove(key);
                received.add(new Received(
                        submit.getDestAddress(),
                        submit.getSourceAddr(),
                        String.join("", parts),
                        Collections.unmodifiableList(partIds)));
            }
        }
    }

    private static String decode(byte[] bytes, int from, boolean ucs2) {
        byte[] body = Arrays.copyOfRange(bytes, from, bytes.length);
        if (ucs2) {
            return new String(body, StandardCharsets.UTF_16BE);
        }
        StringBuilder text = new StringBuilder();
        new GSMCharset().decode(body, text);
        return text.toString();
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Receiver implements ServerMessageReceiverListener {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source)
                throws ProcessRequestException {
            return accept(submitSm);
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not taken", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not taken", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not taken", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not taken", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not taken", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not taken", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(
                QueryBroadcastSm queryBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not taken", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("not taken", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }
}
