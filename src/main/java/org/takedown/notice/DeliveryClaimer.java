package org.takedown.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.takedown.operation.KillSwitchService;
import org.takedown.operation.OperationService;
import org.takedown.operation.OperationStatus;

/**
 * Claims the next ledger rows that may be sent, each with its send slot, and commits the claim before anyone calls
 * Telegram. The sender records when the request leaves ({@link DeliveryLedger#start}): a worker that dies mid-call
 * leaves a started CLAIMED row whose lease runs out (UNKNOWN), never a row sent twice without a trace; one that dies
 * while waiting for its slot leaves a row that is simply queued again. A row may go when its operation is ACTIVE,
 * the kill switch is off, its run's targets were checked ({@link RunPreflight}), its target is not suspended, its
 * notice is not blocked, its earlier parts are SENT, and the bot and its chat are within Telegram's limits
 * ({@link SendPacer}). One claim takes at most one row per chat.
 */
@ApplicationScoped
public class DeliveryClaimer {

    /** The claimed row, as the sender needs it: what to send, and not before when ({@code sendAt}, wall clock). */
    public record Claimed(long id, String token, String chat, String payload, String photoSha256, boolean silent, boolean pin,
            Instant sendAt) {
    }

    /** What a claim attempt found: rows, a wait imposed by the global pace, or nothing to do. */
    public sealed interface Claim {
        record Ready(List<Claimed> rows) implements Claim {
        }

        record Wait(Duration duration) implements Claim {
        }

        record Idle() implements Claim {
        }
    }

    private static final String CLAIMABLE = """
            from Delivery d where d.status in :claimable and d.notBefore <= :now and d.operationId in :active
              and d.runId in (select r.id from NoticeRun r where r.preflightedAt is not null and r.operationId in :active)
              and d.targetId not in (select t.id from TelegramTarget t where t.suspended = true and t.operationId in :active)
              and d.noticeId not in (select n.id from Notice n where n.blockedReason is not null and n.operationId in :active)
              and not exists (select 1 from SendPace p where p.key = concat('chat:', lower(d.chat)) and p.readyAt > :wall)
              and not exists (select 1 from Delivery e where e.runId = d.runId and e.targetId = d.targetId
                              and e.part < d.part and e.status <> :sent)
            order by d.id""";

    @Inject
    EntityManager em;
    @Inject
    SendPacer pacer;
    @Inject
    TelegramGateway gateway;
    @Inject
    TelegramConfig config;
    @Inject
    KillSwitchService killSwitch;
    @Inject
    DeliveryMetrics metrics;
    @Inject
    OperationService operations;
    @Inject
    Clock clock;

    /** Claims up to {@code capacity} rows. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Claim next(String node, int capacity) {
        if (killSwitch.sendingStopped()) {
            return new Claim.Idle();
        }
        List<Long> active = operations.idsInStatus(OperationStatus.ACTIVE);
        if (active.isEmpty()) {
            return new Claim.Idle();
        }
        boolean paced = !gateway.dryRun();
        SendPacer.Slots slots = null;
        int wanted = capacity;
        if (paced) {
            slots = pacer.open(node, capacity);
            if (slots.count() == 0) {
                return new Claim.Wait(slots.waitFor());
            }
            wanted = slots.count();
        }
        Instant now = clock.instant();
        Instant wall = pacer.now();
        // Twice as many as wanted: rows of a chat already taken by this claim are passed over (one row per chat).
        List<Delivery> found = em.createQuery(CLAIMABLE, Delivery.class)
                .setParameter("claimable", DeliveryStatus.CLAIMABLE)
                .setParameter("now", now)
                .setParameter("active", active)
                .setParameter("wall", wall)
                .setParameter("sent", DeliveryStatus.SENT)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED where the database has it
                .setMaxResults(wanted * 2)
                .getResultList();
        Set<String> chats = new HashSet<>();
        List<Claimed> claimed = new ArrayList<>();
        for (Delivery row : found) {
            if (claimed.size() == wanted || !chats.add(row.chat.toLowerCase(Locale.ROOT))) {
                continue;
            }
            Instant sendAt = paced ? slots.at(claimed.size()) : wall;
            row.status = DeliveryStatus.CLAIMED;
            row.claimToken = UUID.randomUUID().toString();
            row.claimedBy = node;
            row.startedAt = null;
            row.claimedUntil = now.plus(Duration.between(wall, sendAt)).plus(config.api().timeout()).plus(config.dispatch().leaseMargin());
            row.updatedAt = now;
            claimed.add(new Claimed(row.id, row.claimToken, row.chat, row.payload, row.photoSha256, row.silent, row.pin, sendAt));
        }
        if (claimed.isEmpty()) {
            return new Claim.Idle();
        }
        metrics.entered(DeliveryStatus.CLAIMED, claimed.size());
        if (paced) {
            pacer.spend(slots, claimed.stream().map(Claimed::chat).toList());
        }
        return new Claim.Ready(List.copyOf(claimed));
    }
}
