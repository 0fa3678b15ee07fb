package org.takedown.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.takedown.operation.KillSwitchService;
import org.takedown.operation.OperationService;
import org.takedown.operation.OperationStatus;

/**
 * Claims the next ledger row that may be sent now, and commits the claim before anyone calls Telegram: a worker that
 * dies mid-call leaves a CLAIMED row whose lease runs out (UNKNOWN), never a row sent twice without a trace. A row
 * may go when its operation is ACTIVE, the kill switch is off, its run's targets were checked ({@link RunPreflight}),
 * its target is not suspended, its notice is not blocked, its earlier parts are SENT, and the bot and its chat are within Telegram's limits ({@link SendPacer}).
 */
@ApplicationScoped
public class DeliveryClaimer {

    /** The claimed row, as the sender needs it. */
    public record Claimed(long id, String token, String chat, String payload, boolean silent, boolean pin) {
    }

    /** What a claim attempt found: a row, a wait imposed by the global pace, or nothing to do. */
    public sealed interface Claim {
        record Ready(Claimed row) implements Claim {
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
    OperationService operations;
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Claim next(String node) {
        if (killSwitch.sendingStopped()) {
            return new Claim.Idle();
        }
        List<Long> active = operations.idsInStatus(OperationStatus.ACTIVE);
        if (active.isEmpty()) {
            return new Claim.Idle();
        }
        boolean paced = !gateway.dryRun();
        if (paced) {
            Optional<Duration> wait = pacer.globalWait();
            if (wait.isPresent()) {
                return new Claim.Wait(wait.get());
            }
        }
        Instant now = clock.instant();
        List<Delivery> found = em.createQuery(CLAIMABLE, Delivery.class)
                .setParameter("claimable", DeliveryStatus.CLAIMABLE)
                .setParameter("now", now)
                .setParameter("active", active)
                .setParameter("wall", pacer.now())
                .setParameter("sent", DeliveryStatus.SENT)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED where the database has it
                .setMaxResults(1)
                .getResultList();
        if (found.isEmpty()) {
            return new Claim.Idle();
        }
        Delivery row = found.get(0);
        row.status = DeliveryStatus.CLAIMED;
        row.claimToken = UUID.randomUUID().toString();
        row.claimedBy = node;
        row.claimedUntil = now.plus(config.api().timeout()).plus(config.dispatch().leaseMargin());
        row.updatedAt = now;
        if (paced) {
            pacer.spend(row.chat);
        }
        return new Claim.Ready(new Claimed(row.id, row.claimToken, row.chat, row.payload, row.silent, row.pin));
    }
}
