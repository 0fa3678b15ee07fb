package org.takedown.victim.sms;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;
import org.jsmpp.SMPPConstant;
import org.jsmpp.util.DeliveryReceiptState;
import org.takedown.delivery.Claimed;
import org.takedown.delivery.Outcome;
import org.takedown.delivery.Pace;
import org.takedown.delivery.Sender;
import org.takedown.victim.VictimsConfig;
import org.takedown.victim.run.CampaignRun;
import org.takedown.victim.sms.smpp.ReceiptIds;
import org.takedown.victim.sms.smpp.SmppConnector;
import org.takedown.victim.sms.smpp.SmppSettings;
import org.takedown.victim.sms.smpp.SubmitResult;

/**
 * SMS as a channel of the delivery engine: a campaign's message to each victim, rendered and addressed at the moment it
 * is sent (the ledger holds {@code victim:<id>}, never a number or a text), through one SMPP transceiver bind per
 * replica, at the provider's rate in message parts. The suppression list is checked as each row is sent. A throttled
 * SMSC pauses the whole channel; a refused number fails its row; a refused sender ID stops the campaign; a submit left
 * without an answer is UNKNOWN and never sent again by itself. Without an SMSC host (or with
 * {@code takedown.victims.sms.dry-run}) the channel runs dry.
 */
@ApplicationScoped
public class SmsChannel extends SmsProviderChannel {

    public static final String NAME = CampaignRun.SMS;
    private static final Logger LOG = Logger.getLogger(SmsChannel.class);

    @Inject
    VictimsConfig config;

    @Inject
    StopReplies replies;

    @Inject
    SmsReceipts receipts;

    private SmppConnector connector;

    @PostConstruct
    void init() {
        VictimsConfig.Sms sms = config.sms();
        VictimsConfig.Smpp smpp = sms.smpp();
        // an SMSC counts submits in a one-second window, as Telegram does: the arrival window keeps sends that bunched
        // up behind a stalled thread from crossing it
        pace = new Pace(sms.rate(), sms.rate(), sms.headroom(), Duration.ZERO, true);
        // The window bounds the submits awaiting their answer; rows claimed ahead of their slots (a lookahead's worth
        // at the rate) wait beside them. A long message is a submit_sm per part, each waiting up to the timeout.
        int ahead = (int) Math.ceil(sms.rate() * sms.dispatch().lookahead().toNanos() / 1e9);
        Duration callTimeout = smpp.responseTimeout().multipliedBy(sms.maxFragments());
        dispatch = sms.dispatch().with(smpp.window() + ahead, smpp.window(), callTimeout);
        if (sms.dryRun().orElse(false) || smpp.host().isEmpty()) {
            sender = Sender.DRY_RUN;
            LOG.infof(
                    "SMS channel: DRY-RUN, nothing is sent (%s)",
                    smpp.host().isEmpty() ? "no SMSC host" : "takedown.victims.sms.dry-run is true");
            return;
        }
        SmppSettings settings = new SmppSettings(
                smpp.host().get(),
                smpp.port(),
                smpp.systemId().orElse(""),
                smpp.password().orElse(""),
                smpp.systemType().orElse(""),
                smpp.responseTimeout(),
                smpp.enquireLink(),
                smpp.reconnect(),
                smpp.throttleBase(),
                smpp.throttleMax());
        connector = new SmppConnector(settings, new Listener(), Clock.systemUTC());
        connector.startInBackground();
        sender = this::prepare;
        LOG.infof(
                "SMS channel: sending through SMPP %s:%d as %s, %s parts/s",
                settings.host(), settings.port(), settings.systemId(), sms.rate());
    }

    @PreDestroy
    void close() {
        if (connector != null) {
            connector.close();
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Whether the SMSC is reachable is whether the bind is up, whatever is being sent. */
    @Override
    public void prepare() {
        if (connector != null) {
            if (connector.bound()) {
                outages.reached(NAME);
            } else {
                outages.unreachable(NAME);
            }
        }
        super.prepare();
    }

    /** The victim's message is read before the row's slot; the submit then waits for nothing but the SMSC. */
    private Sender.Call prepare(Claimed row) {
        SmsMessages.SmsMessage message = messages.read(row);
        if (message.skip() != null) {
            return new Sender.Decided(new Outcome.Skipped(message.skip()));
        }
        return new Submit(row.id(), message);
    }

    /** One message's submit_sm (one per part), and the ids the SMSC gave its parts, recorded once it answered. */
    private final class Submit implements Sender.Call {

        private final long deliveryId;
        private final SmsMessages.SmsMessage message;
        private List<String> partIds = List.of();

        Submit(long deliveryId, SmsMessages.SmsMessage message) {
            this.deliveryId = deliveryId;
            this.message = message;
        }

        @Override
        public Outcome send() {
            SubmitResult result = connector.submit(message.source(), message.destination(), message.text());
            if (result instanceof SubmitResult.Accepted accepted) {
                partIds = accepted.messageIds();
                return new Outcome.Sent(ReceiptIds.key(partIds.get(0)));
            }
            return outcome(result);
        }

        @Override
        public void answered(Outcome outcome) {
            if (partIds.isEmpty()) {
                return;
            }
            try {
                QuarkusTransaction.requiringNew().run(() -> recordParts(deliveryId, partIds));
            } catch (RuntimeException e) {
                // sent all the same: its receipts then stay unmatched, kept by the engine
                LOG.warnf(e, "SMS delivery %d: the ids of its parts were not recorded", deliveryId);
            }
        }
    }

    /** The SMSC's answer in the engine's classes (the reasons carry no number: the connector puts none in). */
    static Outcome outcome(SubmitResult result) {
        if (result instanceof SubmitResult.Throttled throttled) {
            int seconds = (int) Math.max(1, Math.ceil(throttled.pause().toMillis() / 1000.0));
            return new Outcome.RateLimited(seconds, true);
        }
        if (result instanceof SubmitResult.Refused refused) {
            if (refused.commandStatus() == SMPPConstant.STAT_ESME_RINVDSTADR) {
                return new Outcome.RecipientGone("the SMSC refused the number: " + refused.reason());
            }
            if (refused.commandStatus() == SMPPConstant.STAT_ESME_RINVSRCADR) {
                return new Outcome.ContentRefused("the SMSC refused the sender ID: " + refused.reason());
            }
            return new Outcome.Failed(refused.reason(), !refused.permanent());
        }
        if (result instanceof SubmitResult.NotConnected notConnected) {
            return new Outcome.Unreachable("no bind to the SMSC: " + notConnected.reason(), 1);
        }
        if (result instanceof SubmitResult.NoAnswer noAnswer) {
            return new Outcome.Unknown(noAnswer.reason());
        }
        throw new IllegalArgumentException("Unhandled SMPP result " + result);
    }

    private static void recordParts(long deliveryId, List<String> messageIds) {
        SmsPart.delete("deliveryId", deliveryId); // sent again after a temporary failure: the new parts count
        for (int part = 0; part < messageIds.size(); part++) {
            SmsPart.of(deliveryId, part, messageIds.get(part)).persist();
        }
    }

    /** On jSMPP's threads: record, and never throw back into the session. */
    private final class Listener implements SmppConnector.Listener {

        @Override
        public void receipt(String messageId, DeliveryReceiptState state, String error) {
            try {
                receipts.record(messageId, state, error);
            } catch (RuntimeException e) {
                LOG.warnf(e, "SMS: a receipt for message %s was not recorded", messageId);
            }
        }

        @Override
        public void inbound(String from, String text) {
            try {
                replies.received("SMS", from, text);
            } catch (RuntimeException e) {
                LOG.warnf("SMS: a reply was not handled (%s)", e.getClass().getSimpleName());
            }
        }
    }
}
