package org.takedown.watch;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.takedown.operation.OperationService;

/** Runs an operation's rules over newly read posts; each match is a sighting, once per (rule, post). */
@ApplicationScoped
public class SightingService {

    private static final Logger LOG = Logger.getLogger(SightingService.class);

    @Inject
    OperationService operations;
    @Inject
    Clock clock;

    /** In the caller's transaction: the sightings these stored posts give. */
    List<Sighting> evaluate(WatchTarget target, List<WatchPost> posts) {
        List<Sighting> found = new ArrayList<>();
        if (posts.isEmpty()) {
            return found;
        }
        for (WatchRule rule : WatchRule.<WatchRule>list("operationId", Sort.by("id"), target.operationId)) {
            RuleMatcher matcher = RuleMatcher.of(rule.kind, rule.pattern);
            for (WatchPost post : posts) {
                Optional<String> excerpt;
                try {
                    excerpt = matcher.find(post.text + (post.links.isEmpty() ? "" : "\n" + post.links));
                } catch (RuleMatcher.TooSlow slow) {
                    LOG.warnf("Watch rule %d gave up on post %d of %s: %s", rule.id, post.postId, target.value, slow.getMessage());
                    continue;
                }
                if (excerpt.isPresent()) {
                    Sighting sighting = new Sighting();
                    sighting.operationId = target.operationId;
                    sighting.targetId = target.id;
                    sighting.postId = post.id;
                    sighting.captureId = post.captureId;
                    sighting.ruleId = rule.id;
                    sighting.rulePattern = rule.pattern;
                    sighting.excerpt = excerpt.get();
                    sighting.createdAt = clock.instant();
                    sighting.persist();
                    found.add(sighting);
                }
            }
        }
        return found;
    }

    /** Newest first, optionally of one target or one rule. */
    public PanacheQuery<Sighting> list(long operationId, Long targetId, Long ruleId) {
        operations.get(operationId);
        StringBuilder query = new StringBuilder("operationId = :op");
        Parameters parameters = Parameters.with("op", operationId);
        if (targetId != null) {
            query.append(" and targetId = :target");
            parameters.and("target", targetId);
        }
        if (ruleId != null) {
            query.append(" and ruleId = :rule");
            parameters.and("rule", ruleId);
        }
        return Sighting.find(query.toString(), Sort.descending("id"), parameters);
    }
}
