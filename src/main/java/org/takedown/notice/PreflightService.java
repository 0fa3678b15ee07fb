package org.takedown.notice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.takedown.common.Problem;
import org.takedown.operation.ApprovalCheck;
import org.takedown.operation.Operation;

/**
 * Before an operation may be approved, and again before each run: can the bot post to every target? {@code getMe} once,
 * then {@code getChat} and {@code getChatMember(bot)} per target. The network calls happen outside any database
 * transaction; the results are stored in one. In dry-run there is no bot to ask, and nothing is required.
 */
@ApplicationScoped
public class PreflightService implements ApprovalCheck {

    @Inject
    TelegramGateway gateway;

    @Inject
    TelegramTargetService targets;

    @Inject
    TelegramConfig config;

    public List<TelegramTarget> run(String actor, long operationId) {
        return targets.recordPreflight(
                actor, operationId, check(targets.list(operationId, null).list()), false);
    }

    /** Checks again, just before a run sends, the targets of that run; a chat that refuses the bot is suspended. */
    public void beforeRun(String actor, long operationId, List<TelegramTarget> runTargets) {
        targets.recordPreflight(actor, operationId, check(runTargets), true);
    }

    /** Two requests per target, several targets at a time: a thousand chats must not hold a run for minutes. */
    private Map<Long, ChatCheck> check(List<TelegramTarget> toCheck) {
        ExecutorService pool = Executors.newFixedThreadPool(
                Math.max(1, Math.min(config.dispatch().workers(), toCheck.size())));
        try {
            Map<Long, Future<ChatCheck>> pending = new LinkedHashMap<>();
            for (TelegramTarget target : toCheck) {
                String chat = target.chat();
                pending.put(target.id, pool.submit(() -> gateway.check(chat)));
            }
            Map<Long, ChatCheck> checks = new LinkedHashMap<>();
            for (Map.Entry<Long, Future<ChatCheck>> entry : pending.entrySet()) {
                checks.put(entry.getKey(), entry.getValue().get());
            }
            return checks;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Preflight interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Preflight failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public List<Problem.FieldError> problems(Operation operation) {
        List<Problem.FieldError> problems = new ArrayList<>();
        if (gateway.dryRun()) {
            return problems;
        }
        for (TelegramTarget target : targets.list(operation.id, null).list()) {
            if (target.preflightStatus != PreflightStatus.OK) {
                problems.add(new Problem.FieldError(
                        "telegramTargets[" + target.id + "]",
                        target.chat() + ": preflight "
                                + target.preflightStatus
                                + (target.preflightDetail == null ? "" : " (" + target.preflightDetail + ")")
                                + " — run POST /api/operations/" + operation.id + "/telegram-targets/preflight"));
            }
        }
        return problems;
    }
}
