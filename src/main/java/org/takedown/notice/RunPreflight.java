package org.takedown.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.takedown.delivery.DeliveryHolds;
import org.takedown.operation.KillSwitchService;
import org.takedown.operation.OperationService;
import org.takedown.operation.OperationStatus;

/**
 * The check before each run: the run's targets are asked again whether the bot may post ({@code getChat},
 * {@code getChatMember}) before any of its rows is claimed; a chat that refuses the bot suspends its target, so its
 * rows wait instead of failing. One replica checks a run, holding it for {@link #HOLD}; the network calls happen
 * outside any transaction.
 */
@ApplicationScoped
public class RunPreflight {

    /** Long enough to check a large run; if the replica dies meanwhile, another one checks the run after this. */
    static final Duration HOLD = Duration.ofMinutes(1);

    @Inject
    PreflightService preflight;

    @Inject
    OperationService operations;

    @Inject
    KillSwitchService killSwitch;

    @Inject
    Clock clock;

    @Inject
    DeliveryHolds holds;

    /** The oldest queued run of an active operation still to be checked, now held by this replica. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<NoticeRun> claim() {
        if (killSwitch.sendingStopped()) {
            return Optional.empty();
        }
        List<Long> active = operations.idsInStatus(OperationStatus.ACTIVE);
        if (active.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<NoticeRun> run = NoticeRun.<NoticeRun>find(
                        "preflightedAt is null and status = ?1 and operationId in ?2 "
                                + "and (preflightClaimedUntil is null or preflightClaimedUntil < ?3) order by id",
                        RunStatus.QUEUED,
                        active,
                        now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2)
                .firstResultOptional();
        run.ifPresent(r -> r.preflightClaimedUntil = now.plus(HOLD));
        return run;
    }

    /** Checks the run's targets and releases its rows to the dispatcher. */
    public void check(NoticeRun run) {
        preflight.beforeRun(org.takedown.delivery.DeliveryLedger.DISPATCHER, run.operationId, targetsOf(run.id));
        checked(run.id);
    }

    @Transactional
    List<TelegramTarget> targetsOf(long runId) {
        return TelegramTarget.list(
                "id in (select t.targetId from TelegramDelivery t, Delivery d where d.id = t.deliveryId"
                        + " and d.channel = ?1 and d.runId = ?2) order by id",
                TelegramChannel.NAME,
                runId);
    }

    /** The run's rows may go (those of a target the check suspended stay held by their target). */
    @Transactional
    void checked(long runId) {
        NoticeRun run = NoticeRun.findById(runId);
        run.preflightedAt = clock.instant();
        run.preflightClaimedUntil = null;
        holds.releaseRun(TelegramChannel.NAME, runId);
    }
}
