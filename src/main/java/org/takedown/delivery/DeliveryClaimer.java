package org.takedown.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.takedown.operation.KillSwitchService;
import org.takedown.operation.OperationService;
import org.takedown.operation.OperationStatus;

/**
 * Claims a channel's next rows that may be sent, each with its send slot, and commits the claim before anyone calls
 * the provider. The sender records when the request leaves ({@link DeliveryLedger#start}): a worker that dies mid-call
 * leaves a started CLAIMED row whose lease runs out (UNKNOWN), never a row sent twice without a trace; one that dies
 * while waiting for its slot leaves a row that is simply queued again. A row may go when its operation is ACTIVE, the
 * kill switch is off, neither its recipient nor its run is held ({@link DeliveryHolds}), its earlier parts were sent
 * (a part that never will be skips the parts after it: {@link DeliveryLedger#record}), its send window is open,
 * and the channel and its address are within the channel's limits ({@link SendSchedule}). One claim takes at most one
 * row per address. Rows are locked with {@code FOR UPDATE SKIP LOCKED} where the database has it: claimers on other
 * replicas pass over them.
 */
@ApplicationScoped
public class DeliveryClaimer {

    /** What a claim attempt found: rows (and how many dispatchers share the channel), a wait, or nothing to do. */
    public sealed interface Claim {
        record Ready(List<Claimed> rows, int dispatchers) implements Claim {}

        record Wait(Duration duration) implements Claim {}

        record Idle() implements Claim {}
    }

    /** An earlier part in one of these lets the next go (a dry run records each part as it would have gone). */
    private static final Set<DeliveryStatus> SENT =
            EnumSet.of(DeliveryStatus.SENT, DeliveryStatus.DELIVERED, DeliveryStatus.DRY_RUN);

    /**
     * The statuses are literals, not parameters ({@link DeliveryStatus#CLAIMABLE}): PostgreSQL then plans the claim on
     * the index of waiting rows (V36), whose condition a parameter could not be proven to meet.
     */
    private static final String CLAIMABLE = """
            from Delivery d where d.channel = :channel
              and d.status in (org.takedown.delivery.DeliveryStatus.PENDING, org.takedown.delivery.DeliveryStatus.RETRY_AT)
              and d.notBefore <= :now
              and (d.notAfter is null or d.notAfter > :now)
              and d.operationId in :active
              and not exists (select 1 from DeliveryHold h where h.channel = d.channel
                              and (h.holdKey = concat('recipient:', d.recipientKey) or h.holdKey = concat('run:', cast(d.runId as String))))
              and not exists (select 1 from SendPace p where p.key = concat(:addressKey, lower(d.address)) and p.readyAt > :firstSlot)
              and not exists (select 1 from Delivery e where e.channel = d.channel and e.runId = d.runId
                              and e.recipientKey = d.recipientKey and e.part < d.part and e.status not in :sent)
            order by d.id""";

    @Inject
    EntityManager em;

    @Inject
    SendSchedule schedule;

    @Inject
    KillSwitchService killSwitch;

    @Inject
    DeliveryMetrics metrics;

    @Inject
    OperationService operations;

    @Inject
    Clock clock;

    /** Claims up to {@code capacity} rows of the channel. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Claim next(Channel channel, String node, int capacity) {
        if (killSwitch.sendingStopped()) {
            return new Claim.Idle();
        }
        List<Long> active = operations.idsInStatus(OperationStatus.ACTIVE);
        if (active.isEmpty()) {
            return new Claim.Idle();
        }
        boolean paced = !channel.dryRun();
        SendSchedule.Window window = null;
        if (paced) {
            window = schedule.open(
                    channel.name(), channel.pace(), node, channel.dispatch().lookahead());
            if (!window.open()) {
                return new Claim.Wait(window.waitFor());
            }
        }
        Instant now = clock.instant();
        Instant wall = schedule.now();
        // No more rows than the window could fit if each weighed the least.
        int wanted = paced
                ? (int) Math.min(
                        capacity,
                        1
                                + Duration.between(window.first(), window.until())
                                                .toNanos()
                                        / channel.pace().span(1).toNanos())
                : capacity;
        // Twice as many as wanted: rows of an address already taken by this claim are passed over (one row per
        // address).
        List<Delivery> found = em.createQuery(CLAIMABLE, Delivery.class)
                .setParameter("channel", channel.name())
                .setParameter("now", now)
                .setParameter("active", active)
                .setParameter("addressKey", SendPace.address(channel.name(), ""))
                // Against the window's first slot, the earliest any row of this claim can go (not the clock now, which
                // may be later): an address is never given a slot before it is free.
                .setParameter("firstSlot", paced ? window.first() : wall)
                .setParameter("sent", SENT)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED where the database has it
                .setMaxResults(wanted * 2)
                .getResultList();
        Set<String> addresses = new HashSet<>();
        List<Claimed> claimed = new ArrayList<>();
        List<SendSchedule.Spent> spent = new ArrayList<>();
        Instant next = paced ? window.first() : wall;
        for (Delivery row : found) {
            if (claimed.size() == wanted
                    || paced && next.isAfter(window.until()) && !claimed.isEmpty()
                    || !addresses.add(row.address.toLowerCase(Locale.ROOT))) {
                continue;
            }
            Instant sendAt = next;
            if (paced) {
                spent.add(new SendSchedule.Spent(row.address, sendAt));
                next = sendAt.plus(channel.pace().span(row.weight));
            }
            row.status = DeliveryStatus.CLAIMED;
            row.claimToken = UUID.randomUUID().toString();
            row.claimedBy = node;
            row.startedAt = null;
            row.claimedUntil = now.plus(Duration.between(wall, sendAt))
                    .plus(channel.dispatch().callTimeout())
                    .plus(channel.dispatch().leaseMargin());
            row.updatedAt = now;
            claimed.add(new Claimed(
                    row.id,
                    row.claimToken,
                    row.channel,
                    row.runId,
                    row.recipientKey,
                    row.address,
                    row.contentKey,
                    row.part,
                    row.payload,
                    sendAt));
        }
        if (claimed.isEmpty()) {
            return new Claim.Idle();
        }
        metrics.entered(channel.name(), DeliveryStatus.CLAIMED, claimed.size());
        if (paced) {
            schedule.spend(channel.name(), channel.pace(), next, spent);
        }
        return new Claim.Ready(List.copyOf(claimed), paced ? window.dispatchers() : 1);
    }
}
