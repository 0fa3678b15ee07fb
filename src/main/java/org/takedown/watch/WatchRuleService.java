package org.takedown.watch;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;
import org.takedown.common.ProblemException;
import org.takedown.operation.Operation;
import org.takedown.operation.OperationService;

/** An operation's watch rules. Audited edits; like watch targets, nothing here is public or needs re-approval. */
@ApplicationScoped
public class WatchRuleService {

    static final String ENTITY = "watch_rule";

    @Inject
    OperationService operations;
    @Inject
    Clock clock;

    public PanacheQuery<WatchRule> list(long operationId) {
        operations.get(operationId);
        return WatchRule.find("operationId", Sort.by("id"), operationId);
    }

    public WatchRule get(long operationId, long ruleId) {
        WatchRule rule = WatchRule.findById(ruleId);
        if (rule == null || rule.operationId != operationId) {
            throw ProblemException.notFound("Watch rule " + ruleId + " of operation " + operationId);
        }
        return rule;
    }

    @Transactional
    public WatchRule add(String actor, long operationId, WatchRuleRequest request) {
        Operation operation = operations.lockForEdit(operationId);
        WatchRule rule = new WatchRule();
        rule.operationId = operationId;
        rule.createdAt = clock.instant();
        apply(rule, request);
        rule.persist();
        operations.recordEdit(operation, actor, "WATCH_RULE_ADDED", ENTITY, rule.id, Map.of("kind", rule.kind, "pattern", rule.pattern));
        return rule;
    }

    @Transactional
    public WatchRule update(String actor, long operationId, long ruleId, WatchRuleRequest request) {
        Operation operation = operations.lockForEdit(operationId);
        WatchRule rule = get(operationId, ruleId);
        apply(rule, request);
        operations.recordEdit(operation, actor, "WATCH_RULE_UPDATED", ENTITY, rule.id, Map.of("kind", rule.kind, "pattern", rule.pattern));
        return rule;
    }

    @Transactional
    public void remove(String actor, long operationId, long ruleId) {
        Operation operation = operations.lockForEdit(operationId);
        WatchRule rule = get(operationId, ruleId);
        rule.delete();
        operations.recordEdit(operation, actor, "WATCH_RULE_REMOVED", ENTITY, ruleId, Map.of("kind", rule.kind, "pattern", rule.pattern));
    }

    private static void apply(WatchRule rule, WatchRuleRequest request) {
        try {
            RuleMatcher.of(request.kind(), request.pattern());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(400, "pattern", e.getMessage());
        }
        rule.kind = request.kind();
        rule.pattern = request.pattern().strip();
    }
}
