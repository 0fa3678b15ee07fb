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
 * Finds the watched channels and domains whose read or probe is due and claims them: each claim moves the target's next read on with a
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
    ProbeConfig probes;

    @Inject
    Clock clock;

    /** A claimed target, with what its read needs to start: read it (a channel) or probe it (a domain). */
    public record Claim(long targetId, WatchTargetKind kind, String value, Long lastSeenPost, Instant readNotBefore) {}

    /** Up to {@code limit} due targets, the longest overdue first; each is now scheduled for its next read. */
    @Transactional
    public List<Claim> claim(int limit) {
        List<Long> operationIds = new ArrayList<>();
        WATCHING.forEach(status -> operationIds.addAll(operations.idsInStatus(status)));
        if (limit <= 0 || operationIds.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<WatchTarget> due = WatchTarget.find(
                        "operationId in ?1 and nextReadAt <= ?2 order by nextReadAt", operationIds, now)
                .page(0, limit)
                .list();
        List<Claim> claimed = new ArrayList<>();
        for (WatchTarget target : due) {
            Instant next = ReadSchedule.next(
                    target.nextReadAt, now, every(target), config.readJitter(), ThreadLocalRandom.current());
            if (WatchTarget.update(
                            "nextReadAt = ?1 where id = ?2 and nextReadAt = ?3", next, target.id, target.nextReadAt)
                    == 1) {
                claimed.add(new Claim(target.id, target.kind, target.value, target.lastSeenPost, target.readNotBefore));
            }
        }
        return claimed;
    }

    /** How long the most overdue target of a watching operation has been due (zero when none is). */
    @Transactional
    public Duration lag() {
        List<Long> operationIds = new ArrayList<>();
        WATCHING.forEach(status -> operationIds.addAll(operations.idsInStatus(status)));
        if (operationIds.isEmpty()) {
            return Duration.ZERO;
        }
        Instant now = clock.instant();
        Instant oldest = WatchTarget.getEntityManager()
                .createQuery(
                        "select min(t.nextReadAt) from WatchTarget t where t.operationId in ?1 and t.nextReadAt <= ?2",
                        Instant.class)
                .setParameter(1, operationIds)
                .setParameter(2, now)
                .getSingleResult();
        return oldest == null ? Duration.ZERO : Duration.between(oldest, now);
    }

    /** Schedules a new or changed target's first read. */
    void scheduleFirst(WatchTarget target) {
        target.nextReadAt = ReadSchedule.first(clock.instant(), target.id, every(target));
    }

    Duration every(WatchTarget target) {
        if (target.readEverySeconds != null) {
            return Duration.ofSeconds(target.readEverySeconds);
        }
        return target.kind == WatchTargetKind.DOMAIN ? probes.every() : config.channelReadEvery();
    }
}
