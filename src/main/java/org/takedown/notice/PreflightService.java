package org.takedown.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.takedown.common.Problem;
import org.takedown.operation.ApprovalCheck;
import org.takedown.operation.Operation;

/**
 * Before an operation may be approved (and before each run): can the bot post to every target? {@code getMe} once,
 * then {@code getChat} and {@code getChatMember(bot)} per target. The network calls happen outside any database
 * transaction; the results are stored in one. In dry-run there is no bot to ask, and nothing is required.
 */
@ApplicationScoped
public class PreflightService implements ApprovalCheck {

    @Inject
    TelegramGateway gateway;
    @Inject
    TelegramTargetService targets;

    public List<TelegramTarget> run(String actor, long operationId) {
        Map<Long, ChatCheck> checks = new LinkedHashMap<>();
        for (TelegramTarget target : targets.list(operationId, null).list()) {
            checks.put(target.id, gateway.check(target.chat()));
        }
        return targets.recordPreflight(actor, operationId, checks);
    }

    @Override
    public List<Problem.FieldError> problems(Operation operation) {
        List<Problem.FieldError> problems = new ArrayList<>();
        if (gateway.dryRun()) {
            return problems;
        }
        for (TelegramTarget target : targets.list(operation.id, null).list()) {
            if (target.preflightStatus != PreflightStatus.OK) {
                problems.add(new Problem.FieldError("telegramTargets[" + target.id + "]", target.chat() + ": preflight "
                        + target.preflightStatus + (target.preflightDetail == null ? "" : " (" + target.preflightDetail + ")")
                        + " — run POST /api/operations/" + operation.id + "/telegram-targets/preflight"));
            }
        }
        return problems;
    }
}
