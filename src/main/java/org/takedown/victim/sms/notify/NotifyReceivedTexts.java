package org.takedown.victim.sms.notify;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.takedown.victim.sms.StopReplies;
import uk.gov.service.notify.ReceivedTextMessage;
import uk.gov.service.notify.ReceivedTextMessageList;

/**
 * The text messages victims send back to the force's GOV.UK Notify number (a service with an inbound number): a STOP
 * suppresses the number ({@link StopReplies}), anything else is not read. They come by Notify's received-text callback
 * ({@link NotifyReceivedTextResource}) and by a poll of Notify's list, once across replicas (clustered Quartz), so a
 * lost callback loses no STOP; each message is acted on once, whichever brings it first.
 */
@ApplicationScoped
public class NotifyReceivedTexts {

    private static final Logger LOG = Logger.getLogger(NotifyReceivedTexts.class);

    /** How long Notify keeps received messages, and a day more: older ones cannot come again. */
    static final Duration KEPT = Duration.ofDays(8);

    /** Pages read at most per poll (Notify's pages hold 250 messages). */
    static final int MAX_PAGES = 20;

    @Inject
    NotifyChannel channel;

    @Inject
    StopReplies replies;

    @Inject
    Clock clock;

    @Scheduled(
            identity = "notify-received-texts",
            every = "${takedown.victims.sms.notify.poll-every:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        poll();
    }

    /**
     * Reads Notify's received messages, newest first, page after page, until a page holds only messages acted on
     * before (a callback may have brought a newer one while an older one's was lost); returns how many were new.
     */
    int poll() {
        if (channel.dryRun()) {
            return 0; // no Notify key: nothing to read, and nothing to forget
        }
        int fresh = 0;
        String olderThan = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            Optional<ReceivedTextMessageList> read = channel.receivedTexts(olderThan);
            if (read.isEmpty()) {
                break;
            }
            List<ReceivedTextMessage> messages = read.get().getReceivedTextMessages();
            int freshOnPage = 0;
            for (ReceivedTextMessage message : messages) {
                if (receive(
                        message.getId().toString(),
                        message.getUserNumber(),
                        message.getContent(),
                        message.getCreatedAt().toInstant())) {
                    freshOnPage++;
                }
            }
            fresh += freshOnPage;
            if (messages.isEmpty()
                    || freshOnPage == 0
                    || read.get().getNextPageLink().isEmpty()) {
                break;
            }
            olderThan = messages.get(messages.size() - 1).getId().toString();
        }
        forgetOld();
        return fresh;
    }

    /** Acts on one received message unless it was before; true if it was new. */
    boolean receive(String id, String from, String content, Instant receivedAt) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                if (NotifyReceivedText.findById(id) != null) {
                    return false;
                }
                NotifyReceivedText seen = new NotifyReceivedText();
                seen.id = id;
                seen.receivedAt = receivedAt;
                seen.persist();
                replies.received("GOV.UK Notify", from, content);
                return true;
            });
        } catch (RuntimeException e) {
            // the poll and a callback at the same moment: the other one acted on it
            LOG.warnf(
                    "GOV.UK Notify: received message %s not recorded (%s)",
                    id, e.getClass().getSimpleName());
            return false;
        }
    }

    private void forgetOld() {
        Instant before = clock.instant().minus(KEPT);
        QuarkusTransaction.requiringNew().run(() -> NotifyReceivedText.delete("receivedAt < ?1", before));
    }
}
