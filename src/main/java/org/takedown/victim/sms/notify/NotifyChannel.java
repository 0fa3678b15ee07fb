package org.takedown.victim.sms.notify;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.takedown.delivery.Claimed;
import org.takedown.delivery.Outcome;
import org.takedown.delivery.Pace;
import org.takedown.delivery.Sender;
import org.takedown.victim.VictimsConfig;
import org.takedown.victim.campaign.SmsProvider;
import org.takedown.victim.sms.SmsMessages;
import org.takedown.victim.sms.SmsProviderChannel;
import uk.gov.service.notify.Notification;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;
import uk.gov.service.notify.ReceivedTextMessageList;
import uk.gov.service.notify.SendSmsResponse;

/**
 * GOV.UK Notify as a channel of the delivery engine, through Notify's own Java client: each victim's message rendered
 * as it is sent and passed as the {@code message} value of a template whose body is {@code ((message))}, with a
 * reference naming the ledger row and nothing about the victim. Paced in requests (Notify counts requests, not parts),
 * its answers classed by {@link NotifyAnswers}; statuses come back by callback ({@link NotifyCallbackResource}) or by
 * polling ({@link NotifyStatusPoll}). Without an API key (or with {@code takedown.victims.sms.dry-run}) it runs dry.
 */
@ApplicationScoped
public class NotifyChannel extends SmsProviderChannel {

    public static final String NAME = SmsProvider.NOTIFY.channel();
    /** The template's one placeholder: the whole rendered message. */
    static final String MESSAGE = "message";

    private static final Logger LOG = Logger.getLogger(NotifyChannel.class);

    @Inject
    VictimsConfig config;

    private NotificationClient client;
    private String templateId;
    private String smsSenderId;

    @PostConstruct
    void init() {
        VictimsConfig.Notify notify = config.sms().govNotify();
        pace = Pace.of(notify.rate(), config.sms().headroom(), Duration.ZERO, false);
        // a send may wait for its connection and then for its answer, each up to the timeout
        dispatch = notify.dispatch().with(notify.workers(), notify.timeout().multipliedBy(2));
        if (config.sms().dryRun().orElse(false) || notify.apiKey().isEmpty()) {
            sender = Sender.DRY_RUN;
            LOG.infof(
                    "GOV.UK Notify channel: DRY-RUN, nothing is sent (%s)",
                    notify.apiKey().isEmpty() ? "no API key" : "takedown.victims.sms.dry-run is true");
            return;
        }
        templateId = notify.templateId()
                .orElseThrow(() -> new IllegalStateException(
                        "takedown.victims.sms.notify.template-id is required with a Notify API key"));
        smsSenderId = notify.smsSenderId().orElse(null);
        HttpTimeouts.atMost(notify.timeout());
        client = new NotificationClient(notify.apiKey().get(), notify.baseUrl());
        sender = this::prepare;
        LOG.infof("GOV.UK Notify channel: sending through %s, %s requests/s", notify.baseUrl(), notify.rate());
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The victim's message is read before the row's slot; the request then waits for nothing but Notify. */
    private Sender.Call prepare(Claimed row) {
        SmsMessages.SmsMessage message = messages.read(row);
        if (message.skip() != null) {
            return new Sender.Decided(new Outcome.Skipped(message.skip()));
        }
        return () -> send(row, message);
    }

    private Outcome send(Claimed row, SmsMessages.SmsMessage message) {
        try {
            SendSmsResponse answer = client.sendSms(
                    templateId,
                    message.destination(),
                    Map.of(MESSAGE, message.text()),
                    reference(row.id()),
                    smsSenderId);
            outages.reached(NAME);
            return new Outcome.Sent(answer.getNotificationId().toString());
        } catch (NotificationClientException e) {
            Outcome outcome = NotifyAnswers.outcome(e);
            if (e.getHttpResult() == 0 || e.getHttpResult() == 403 || e.getHttpResult() >= 500) {
                outages.unreachable(NAME); // no answer, the key refused, or Notify failing inside: nothing can go
            } else {
                outages.reached(NAME);
            }
            if (e.getHttpResult() == 403) {
                LOG.errorf("GOV.UK Notify refused the API key: %s", ((Outcome.Failed) outcome).reason());
            }
            return outcome;
        }
    }

    /** What Notify keeps beside the message: the ledger row, nothing about the victim. */
    static String reference(long deliveryId) {
        return "takedown-" + deliveryId;
    }

    /** The message's status as Notify has it now (polling); empty when Notify is not in use or cannot say. */
    Optional<Notification> status(String notificationId) {
        if (client == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(client.getNotificationById(notificationId));
        } catch (NotificationClientException e) {
            LOG.debugf("GOV.UK Notify: status of %s not read (HTTP %d)", notificationId, e.getHttpResult());
            return Optional.empty();
        }
    }

    /**
     * A page of the text messages phones sent to the service's inbound number, newest first, older than the one named
     * ({@code null}: the newest page); empty when Notify is not in use or cannot say.
     */
    Optional<ReceivedTextMessageList> receivedTexts(String olderThanId) {
        if (client == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(client.getReceivedTextMessages(olderThanId));
        } catch (NotificationClientException e) {
            LOG.warnf("GOV.UK Notify: received text messages not read (HTTP %d)", e.getHttpResult());
            return Optional.empty();
        }
    }
}
