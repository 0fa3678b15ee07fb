package org.takedown.watch;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
        for (WatchRule rule : rules(target)) {
            RuleMatcher matcher = RuleMatcher.of(rule.kind, rule.pattern);
            for (WatchPost post : posts) {
                match(
                                matcher,
                                rule,
                                target,
                                post.readableText() + (post.links.isEmpty() ? "" : "\n" + post.links),
                                "post " + post.postId)
                        .ifPresent(
                                excerpt -> found.add(sighting(target, rule, excerpt, post.id, null, post.captureId)));
            }
        }
        return found;
    }

    /**
     * In the caller's transaction: the sightings the new texts of changed posts give, for rules that had not matched those
     * posts yet (a sighting is once per rule and post); each names the capture that showed the new text.
     */
    List<Sighting> evaluateEdits(WatchTarget target, Map<WatchPost, WatchPostEdit> edits) {
        List<Sighting> found = new ArrayList<>();
        if (edits.isEmpty()) {
            return found;
        }
        Set<String> sighted = new HashSet<>();
        Sighting.getEntityManager()
                .createQuery("select s.ruleId, s.postId from Sighting s where s.postId in :posts", Object[].class)
                .setParameter(
                        "posts", edits.keySet().stream().map(post -> post.id).toList())
                .getResultList()
                .forEach(row -> sighted.add(row[0] + ":" + row[1]));
        for (WatchRule rule : rules(target)) {
            RuleMatcher matcher = RuleMatcher.of(rule.kind, rule.pattern);
            edits.forEach((post, edit) -> {
                if (!sighted.contains(rule.id + ":" + post.id)) {
                    match(
                                    matcher,
                                    rule,
                                    target,
                                    edit.readableText() + (edit.links.isEmpty() ? "" : "\n" + edit.links),
                                    "changed post " + post.postId)
                            .ifPresent(excerpt ->
                                    found.add(sighting(target, rule, excerpt, post.id, null, edit.captureId)));
                }
            });
        }
        return found;
    }

    /** In the caller's transaction: the sightings a probed page's new text gives. */
    List<Sighting> evaluatePage(WatchTarget target, DomainProbe probe, String text) {
        List<Sighting> found = new ArrayList<>();
        for (WatchRule rule : rules(target)) {
            match(RuleMatcher.of(rule.kind, rule.pattern), rule, target, text, "the page")
                    .ifPresent(excerpt -> found.add(sighting(target, rule, excerpt, null, probe.id, probe.captureId)));
        }
        return found;
    }

    private static List<WatchRule> rules(WatchTarget target) {
        return WatchRule.list("operationId", Sort.by("id"), target.operationId);
    }

    private static Optional<String> match(
            RuleMatcher matcher, WatchRule rule, WatchTarget target, String text, String where) {
        try {
            return matcher.find(text);
        } catch (RuleMatcher.TooSlow slow) {
            LOG.warnf("Watch rule %d gave up on %s of %s: %s", rule.id, where, target.value, slow.getMessage());
            return Optional.empty();
        }
    }

    private Sighting sighting(
            WatchTarget target, WatchRule rule, String excerpt, Long postId, Long probeId, Long captureId) {
        Sighting sighting = new Sighting();
        sighting.operationId = target.operationId;
        sighting.targetId = target.id;
        sighting.postId = postId;
        sighting.probeId = probeId;
        sighting.captureId = captureId;
        sighting.ruleId = rule.id;
        sighting.rulePattern = rule.pattern;
        sighting.excerpt = excerpt;
        sighting.createdAt = clock.instant();
        sighting.persist();
        return sighting;
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
