package org.takedown.watch;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.takedown.notice.NoticeRun;
import org.takedown.notice.RunQueue;
import org.takedown.notice.RunStatus;
import org.takedown.operation.Operation;
import org.takedown.operation.OperationService;
import org.takedown.operation.OperationStatus;

/**
 * Reactive warnings: a sighting by a rule that names a notice sends that notice through the delivery engine — once
 * per (notice, post), at most once per watched channel and notice within {@code reactionMinInterval}, only while the
 * operation is ACTIVE and the rule's reactions are not paused. Every decision is kept as a {@link Reaction}.
 */
@ApplicationScoped
public class ReactionService {

    static final String WATCHER = "system:watch";
    private static final Logger LOG = Logger.getLogger(ReactionService.class);

    @Inject
    OperationService operations;

    @Inject
    RunQueue runs;

    @Inject
    WatchConfig config;

    @Inject
    Clock clock;

    /** In the caller's transaction, the one that stored the posts and their sightings. */
    List<Reaction> react(WatchTarget target, List<Sighting> sightings) {
        List<Reaction> reactions = new ArrayList<>();
        for (Sighting sighting : sightings) {
            WatchRule rule = WatchRule.findById(sighting.ruleId);
            if (sighting.postId == null
                    || rule == null
                    || rule.reactNoticeId == null
                    || Reaction.count("noticeId = ?1 and postId = ?2", rule.reactNoticeId, sighting.postId) > 0) {
                continue;
            }
            Reaction reaction = new Reaction();
            reaction.operationId = target.operationId;
            reaction.ruleId = rule.id;
            reaction.noticeId = rule.reactNoticeId;
            reaction.targetId = target.id;
            reaction.postId = sighting.postId;
            reaction.sightingId = sighting.id;
            reaction.createdAt = clock.instant();
            decide(reaction, rule, target);
            reaction.persist();
            reactions.add(reaction);
        }
        return reactions;
    }

    private void decide(Reaction reaction, WatchRule rule, WatchTarget target) {
        Operation operation = operations.get(target.operationId);
        Instant since = reaction.createdAt.minus(config.reactionMinInterval());
        if (rule.reactionsPaused) {
            reaction.outcome = Reaction.Outcome.PAUSED;
        } else if (operation.status != OperationStatus.ACTIVE) {
            reaction.outcome = Reaction.Outcome.NOT_ACTIVE;
            reaction.detail = "the operation is " + operation.status;
        } else if (Reaction.count(
                        "targetId = ?1 and noticeId = ?2 and outcome = ?3 and createdAt > ?4",
                        target.id,
                        rule.reactNoticeId,
                        Reaction.Outcome.QUEUED,
                        since)
                > 0) {
            reaction.outcome = Reaction.Outcome.RATE_LIMITED;
            reaction.detail = "this channel triggered the notice less than "
                    + config.reactionMinInterval().toMinutes() + " min ago";
        } else {
            NoticeRun run = runs.react(operation.id, rule.reactNoticeId, WATCHER);
            reaction.runId = run.id;
            reaction.outcome = run.status == RunStatus.QUEUED ? Reaction.Outcome.QUEUED : Reaction.Outcome.BLOCKED;
            reaction.detail = run.detail;
            LOG.infof(
                    "Watch rule %d matched a new post of %s: notice %d queued as run %d (%s)",
                    rule.id, target.value, rule.reactNoticeId, run.id, run.status);
        }
    }

    public PanacheQuery<Reaction> list(long operationId) {
        operations.get(operationId);
        return Reaction.find("operationId", Sort.descending("id"), operationId);
    }
}
