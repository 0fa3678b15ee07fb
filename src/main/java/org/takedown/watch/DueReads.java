package org.takedown.watch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.takedown.operation.OperationService;
import org.takedown.operation.OperationStatus;

/**
 * Finds the watched channels whose read is due and claims them: each claim moves the target's next read on with a
 * conditional update, so a target is handed out once even if two replicas look at the same moment. Only targets of
 * approved or active operations are read.
 */
@ApplicationScoped
public class DueReads {

    static final EnumSet<OperationStatus> WATCHING = EnumSet.of(OperationStatus.APPROVED, OperationStatus.ACTIVE);

    @Inject
    OperationService operations;
    @Inject
    WatchConfig config;
    @Inject
    Clock clock;

    /** Up to {@code limit} due targets, the longest overdue first; each is now scheduled for its next read. */
    @Transactional
    public List<Long> claim(int limit) {
        List<Long> operationIds = operations.inStatus(WATCHING).stream().map(o -> o.id).toList();
        if (limit <= 0 || operationIds.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<WatchTarget> due = WatchTarget.find("kind = ?1 and operationId in ?2 and nextReadAt <= ?3 order by nextReadAt",
                WatchTargetKind.TELEGRAM_CHANNEL, operationIds, now).page(0, limit).list();
        List<Long> claimed = new ArrayList<>();
        for (WatchTarget target : due) {
            Instant next = ReadSchedule.next(target.nextReadAt, now, every(target), config.readJitter(), ThreadLocalRandom.current());
            if (WatchTarget.update("nextReadAt = ?1 where id = ?2 and nextReadAt = ?3", next, target.id, target.nextReadAt) == 1) {
                claimed.add(target.id);
            }
        }
        return claimed;
    }

    /** Schedules a new or changed target's first read. */
    void scheduleFirst(WatchTarget target) {
        if (target.kind == WatchTargetKind.TELEGRAM_CHANNEL) {
            target.nextReadAt = ReadSchedule.first(clock.instant(), target.id, every(target));
        }
    }

    Duration every(WatchTarget target) {
        return target.readEverySeconds == null ? config.channelReadEvery() : Duration.ofSeconds(target.readEverySeconds);
    }
}
