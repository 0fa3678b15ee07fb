package org.takedown.victim.sms.smpp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.InvalidDeliveryReceiptException;

/**
 * One transceiver bind to an SMSC, kept up by a keeper thread (reconnects after a lost or refused bind, enquire_link
 * while idle). Any number of threads submit at once on it: the SMSC's window is how many of them the SMS channel
 * runs. A throttled ({@code 0x58}) or queue-full ({@code 0x14}) answer pauses the whole connector with a doubling
 * backoff: a message whose first part is refused so is handed back whole ({@link SubmitResult.Throttled}), one whose
 * later part is waits and goes on, so no message is left half-sent by a throttle. Receipts and inbound messages go
 * to the {@link Listener}.
 */
public class SmppConnector implements AutoCloseable {

    /** What the SMSC sends us. Called on jSMPP's threads: keep it short, and throw nothing. */
    public interface Listener {

        /** A delivery receipt for the part with this message id (as the SMSC wrote it: hex or decimal). */
        void receipt(String messageId, DeliveryReceiptState state, String error);

        /** A message from a phone (a victim who answered STOP); {@code from} is its number as the SMSC gave it. */
        void inbound(String from, String text);
    }

    private static final Logger LOG = Logger.getLogger(SmppConnector.class);

    /** Refusals that sending again cannot cure. */
    private static final Set<Integer> PERMANENT = Set.of(
            SMPPConstant.STAT_ESME_RINVMSGLEN,
            SMPPConstant.STAT_ESME_RINVSRCADR,
            SMPPConstant.STAT_ESME_RINVDSTADR,
            SMPPConstant.STAT_ESME_RINVESMCLASS,
            SMPPConstant.STAT_ESME_RINVSRCTON,
            SMPPConstant.STAT_ESME_RINVSRCNPI,
            SMPPConstant.STAT_ESME_RINVDSTTON,
            SMPPConstant.STAT_ESME_RINVDSTNPI,
            SMPPConstant.STAT_ESME_RX_P_APPN,
            SMPPConstant.STAT_ESME_RX_R_APPN);

    private final SmppSettings settings;
    private final Listener listener;
    private final Clock clock;
    private final ScheduledExecutorService keeper;
    private final AtomicInteger reference = new AtomicInteger(new SecureRandom().nextInt(256));
    private final Object pause = new Object();

    private volatile SMPPSession session;
    private volatile String lastFailure = "not bound yet";
    private Instant pausedUntil = Instant.EPOCH;
    private Duration backoff = Duration.ZERO;

    public SmppConnector(SmppSettings settings, Listener listener, Clock clock) {
        this.settings = settings;
        this.listener = listener;
        this.clock = clock;
        this.keeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "smpp-keeper-" + settings.systemId());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Binds now (or fails saying why) and keeps the bind up from then on. */
    public void start() {
        bind();
        keep(settings.reconnect().toMillis());
    }

    /** Binds on the keeper's thread (a service starting does not wait for an SMSC) and keeps the bind up. */
    public void startInBackground() {
        keep(0);
    }

    private void keep(long firstDelayMillis) {
        keeper.scheduleWithFixedDelay(
                this::bind, firstDelayMillis, settings.reconnect().toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean bound() {
        SMPPSession current = session;
        return current != null && current.getSessionState().isBound();
    }

    /** Why there is no bind (the last refusal or connection failure), for health and logs. */
    public String lastFailure() {
        return lastFailure;
    }

    /**
     * Submits every part of {@code text} to {@code destination} (E.164, with or without +) from {@code source} (an
     * alphanumeric sender ID, a number or a short code), with a delivery receipt requested for each.
     */
    public SubmitResult submit(String source, String destination, String text) {
        SMPPSession current = session;
        if (current == null || !current.getSessionState().isBound()) {
            return new SubmitResult.NotConnected(lastFailure);
        }
        Duration wait = pauseLeft();
        if (!wait.isZero()) {
            return new SubmitResult.Throttled(wait, SMPPConstant.STAT_ESME_RTHROTTLED);
        }
        SmppParts parts = SmppParts.of(text, reference.getAndIncrement() & 0xFF);
        List<String> ids = new ArrayList<>();
        for (int part = 0; part < parts.shortMessages().size(); ) {
            try {
                String id = current.submitShortMessage(
                                "",
                                sourceTon(source),
                                sourceTon(source) == TypeOfNumber.ALPHANUMERIC
                                        ? NumberingPlanIndicator.UNKNOWN
                                        : NumberingPlanIndicator.ISDN,
                                source.startsWith("+") ? source.substring(1) : source,
                                TypeOfNumber.INTERNATIONAL,
                                NumberingPlanIndicator.ISDN,
                                destination.startsWith("+") ? destination.substring(1) : destination,
                                parts.esmClass(),
                                (byte) 0,
                                (byte) 1,
                                null,
                                null,
                                new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE),
                                (byte) 0,
                                parts.dataCoding(),
                                (byte) 0,
                                parts.shortMessages().get(part))
                        .getMessageId();
                ids.add(id);
                accepted();
                part++;
            } catch (NegativeResponseException e) {
                int status = e.getCommandStatus();
                if (status == SMPPConstant.STAT_ESME_RTHROTTLED || status == SMPPConstant.STAT_ESME_RMSGQFUL) {
                    Duration paused = throttled();
                    if (ids.isEmpty()) {
                        return new SubmitResult.Throttled(paused, status);
                    }
                    if (!sleep(paused)) {
                        return new SubmitResult.NoAnswer("interrupted while the SMSC throttled a later part", ids);
                    }
                    continue; // the later part goes as soon as the SMSC takes messages again
                }
                String reason =
                        "the SMSC refused part " + (part + 1) + " with command status 0x" + Integer.toHexString(status);
                if (!ids.isEmpty()) {
                    return new SubmitResult.NoAnswer(reason + " after accepting the parts before it", ids);
                }
                return new SubmitResult.Refused(status, PERMANENT.contains(status), reason);
            } catch (ResponseTimeoutException e) {
                return new SubmitResult.NoAnswer(
                        "no submit_sm_resp within " + settings.responseTimeout().toMillis() + " ms", ids);
            } catch (PDUException e) {
                if (ids.isEmpty()) {
                    return new SubmitResult.Refused(0, true, "not a valid submit_sm: " + e.getMessage());
                }
                return new SubmitResult.NoAnswer("part " + (part + 1) + " is not a valid submit_sm", ids);
            } catch (InvalidResponseException | IOException e) {
                // the request may have been written before the bind went: only the check above proves it was not
                return new SubmitResult.NoAnswer(
                        "the bind failed while sending: " + e.getClass().getSimpleName(), ids);
            }
        }
        return new SubmitResult.Accepted(List.copyOf(ids));
    }

    @Override
    public void close() {
        keeper.shutdownNow();
        SMPPSession current = session;
        session = null;
        if (current != null) {
            current.unbindAndClose();
        }
    }

    private synchronized void bind() {
        if (bound()) {
            return;
        }
        SMPPSession fresh = new SMPPSession();
        fresh.setEnquireLinkTimer((int) settings.enquireLink().toMillis());
        fresh.setTransactionTimer(settings.responseTimeout().toMillis());
        fresh.setMessageReceiverListener(new Receiver());
        try {
            fresh.connectAndBind(
                    settings.host(),
                    settings.port(),
                    new BindParameter(
                            BindType.BIND_TRX,
                            settings.systemId(),
                            settings.password(),
                            settings.systemType(),
                            TypeOfNumber.UNKNOWN,
                            NumberingPlanIndicator.UNKNOWN,
                            null),
                    settings.responseTimeout().toMillis());
            fresh.addSessionStateListener(this::stateChanged);
            session = fresh;
            lastFailure = null;
            LOG.infof("SMPP bound to %s:%d as %s", settings.host(), settings.port(), settings.systemId());
        } catch (IOException e) {
            fresh.close();
            String why = e.getCause() instanceof NegativeResponseException refused
                    ? "the SMSC refused the bind with command status 0x"
                            + Integer.toHexString(refused.getCommandStatus())
                    : "cannot bind: " + e.getMessage();
            if (!why.equals(lastFailure)) {
                LOG.warnf("SMPP %s:%d: %s", settings.host(), settings.port(), why);
            }
            lastFailure = why;
        }
    }

    private void stateChanged(SessionState now, SessionState before, Session source) {
        if (now == SessionState.CLOSED && source == session) {
            session = null;
            lastFailure = "the bind was lost";
            LOG.warnf("SMPP bind to %s:%d lost; binding again", settings.host(), settings.port());
            keeper.execute(this::bind);
        }
    }

    private Duration pauseLeft() {
        synchronized (pause) {
            Duration left = Duration.between(clock.instant(), pausedUntil);
            return left.isNegative() ? Duration.ZERO : left;
        }
    }

    private Duration throttled() {
        synchronized (pause) {
            backoff = backoff.isZero() ? settings.throttleBase() : min(backoff.multipliedBy(2), settings.throttleMax());
            Instant until = clock.instant().plus(backoff);
            if (until.isAfter(pausedUntil)) {
                pausedUntil = until;
            }
            return Duration.between(clock.instant(), pausedUntil);
        }
    }

    private void accepted() {
        synchronized (pause) {
            backoff = Duration.ZERO;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static boolean sleep(Duration wait) {
        try {
            Thread.sleep(Math.max(1, wait.toMillis()));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static TypeOfNumber sourceTon(String source) {
        if (source.chars().anyMatch(Character::isLetter)) {
            return TypeOfNumber.ALPHANUMERIC;
        }
        return source.startsWith("+") || source.startsWith("44") ? TypeOfNumber.INTERNATIONAL : TypeOfNumber.UNKNOWN;
    }

    private final class Receiver implements MessageReceiverListener {

        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
            if (deliverSm.isSmscDeliveryReceipt()) {
                try {
                    DeliveryReceipt receipt = deliverSm.getShortMessageAsDeliveryReceipt();
                    listener.receipt(receipt.getId(), receipt.getFinalStatus(), receipt.getError());
                } catch (InvalidDeliveryReceiptException e) {
                    LOG.warn("SMPP: a delivery receipt that cannot be read was ignored");
                }
                return;
            }
            byte[] bytes = deliverSm.getShortMessage() == null ? new byte[0] : deliverSm.getShortMessage();
            boolean ucs2 = new GeneralDataCoding(Alphabet.ALPHA_UCS2).toByte() == deliverSm.getDataCoding();
            // the letters of STOP are the same septets in GSM 03.38 as in ASCII
            listener.inbound(
                    deliverSm.getSourceAddr(),
                    new String(bytes, ucs2 ? StandardCharsets.UTF_16BE : StandardCharsets.ISO_8859_1));
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {}

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm is not taken", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }
}
