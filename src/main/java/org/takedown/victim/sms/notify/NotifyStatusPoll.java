package org.takedown.victim.sms.notify;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.takedown.delivery.Delivery;
import org.takedown.delivery.DeliveryReceipt;
import org.takedown.delivery.DeliveryStatus;
import org.takedown.delivery.Receipts;
import org.takedown.victim.VictimsConfig;
import uk.gov.service.notify.Notification;

/**
 * Reads from Notify the status of messages no callback has settled ({@code poll-after} since they were sent, within the
 * seven days Notify keeps them), a batch a minute, once across replicas (clustered Quartz): callbacks can be lost or
 * not configured, and a message must not stay SENT for want of one. Polls go through the waiting messages in order, a
 * batch at a time, then start again.
 */
@ApplicationScoped
public class NotifyStatusPoll {

    /** How long Notify keeps a message's status by default. */
    static final Duration KEPT = Duration.ofDays(7);

    @Inject
    NotifyChannel channel;

    @Inject
    Receipts receipts;

    @Inject
    VictimsConfig config;

    @Inject
    Clock clock;

    @Scheduled(
            identity = "notify-status-poll",
            every = "${takedown.victims.sms.notify.poll-every:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        poll();
    }

    /** The last row read: polls go through the waiting rows in order, then start again. */
    private volatile long after;

    /** Returns how many statuses were read. */
    int poll() {
        VictimsConfig.Notify notify = config.sms().govNotify();
        Instant now = clock.instant();
        List<Delivery> waiting = QuarkusTransaction.requiringNew()
                .call(() -> Delivery.<Delivery>find(
                                "channel = ?1 and status = ?2 and sentAt < ?3 and sentAt > ?4 and id > ?5 order by id",
                                NotifyChannel.NAME,
                                DeliveryStatus.SENT,
                                now.minus(notify.pollAfter()),
                                now.minus(KEPT),
                                after)
                        .page(0, notify.pollBatch())
                        .list());
        after = waiting.size() < notify.pollBatch() ? 0 : waiting.get(waiting.size() - 1).id;
        int read = 0;
        for (Delivery row : waiting) {
            Notification status = row.providerId == null
                    ? null
                    : channel.status(row.providerId).orElse(null);
            if (status == null) {
                continue;
            }
            read++;
            DeliveryReceipt.Status receipt = NotifyAnswers.receipt(status.getStatus());
            if (receipt != DeliveryReceipt.Status.PROGRESS) {
                receipts.record(
                        NotifyChannel.NAME,
                        row.providerId,
                        receipt,
                        "Notify status " + NotifyAnswers.scrub(status.getStatus()) + " (read by polling)");
            }
        }
        return read;
    }
}
