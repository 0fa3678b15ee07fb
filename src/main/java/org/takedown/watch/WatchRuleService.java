package org.takedown.watch;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.takedown.common.ProblemException;
import org.takedown.notice.NoticeService;
import org.takedown.operation.Operation;
import org.takedown.operation.OperationService;

/**
 * An operation's watch rules. Audited edits. A rule is internal, except what it makes the service say: which rule
 * sends which notice is part of the approved content ({@link ReactionContent}).
 */
@ApplicationScoped
public class WatchRuleService {

    static final String ENTITY = "watch_rule";

    @Inject
    OperationService operations;

    @Inject
    NoticeService notices;

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
        operations.recordEdit(operation, actor, "WATCH_RULE_ADDED", ENTITY, rule.id, summary(rule));
        return rule;
    }

    @Transactional
    public WatchRule update(String actor, long operationId, long ruleId, WatchRuleRequest request) {
        Operation operation = operations.lockForEdit(operationId);
        WatchRule rule = get(operationId, ruleId);
        apply(rule, request);
        operations.recordEdit(operation, actor, "WATCH_RULE_UPDATED", ENTITY, rule.id, summary(rule));
        return rule;
    }

    @Transactional
    public void remove(String actor, long operationId, long ruleId) {
        Operation operation = operations.lockForEdit(operationId);
        WatchRule rule = get(operationId, ruleId);
        rule.delete();
        operations.recordEdit(operation, actor, "WATCH_RULE_REMOVED", ENTITY, ruleId, summary(rule));
    }

    private void apply(WatchRule rule, WatchRuleRequest request) {
        try {
            RuleMatcher.of(request.kind(), request.pattern());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(400, "pattern", e.getMessage());
        }
        if (request.reactWithNotice() != null && !notices.exists(rule.operationId, request.reactWithNotice())) {
            throw ProblemException.invalidField(
                    400, "reactWithNotice", "no notice " + request.reactWithNotice() + " in this operation");
        }
        rule.kind = request.kind();
        rule.pattern = request.pattern().strip();
        rule.reactNoticeId = request.reactWithNotice();
        rule.reactionsPaused = Boolean.TRUE.equals(request.reactionsPaused());
    }

    private static Map<String, Object> summary(WatchRule rule) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("kind", rule.kind);
        summary.put("pattern", rule.pattern);
        if (rule.reactNoticeId != null) {
            summary.put("reactWithNotice", rule.reactNoticeId);
            summary.put("reactionsPaused", rule.reactionsPaused);
        }
        return summary;
    }
}
