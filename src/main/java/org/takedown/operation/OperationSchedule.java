package org.takedown.operation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.quartz.JobKey;
import org.takedown.common.OneShotTriggers;

/**
 * What approval arms: the operation's own activation and end, as persistent Quartz triggers written in the same
 * transaction as the status change. Leaving APPROVED/ACTIVE for any other state removes them, so an operation
 * sent back for approval, paused, ended or cancelled has nothing left to fire.
 */
@ApplicationScoped
public class OperationSchedule {

    static final String GROUP = "operation-lifecycle";
    private static final List<Transition> SCHEDULED = List.of(Transition.ACTIVATE, Transition.END);

    @Inject
    OneShotTriggers triggers;

    void onStatusChange(@Observes OperationStatusChanged change) {
        Operation operation = Operation.findById(change.operationId());
        switch (change.to()) {
            case APPROVED -> {
                arm(operation, Transition.ACTIVATE, operation.activateAt);
                arm(operation, Transition.END, operation.endAt);
            }
            case ACTIVE -> {
                triggers.disarm(jobKey(operation.id, Transition.ACTIVATE));
                arm(operation, Transition.END, operation.endAt);
            }
            default -> SCHEDULED.forEach(t -> triggers.disarm(jobKey(operation.id, t)));
        }
    }

    /** The instants at which each armed transition of the operation will fire. */
    public Map<Transition, Instant> armed(long operationId) {
        Map<Transition, Instant> armed = new EnumMap<>(Transition.class);
        for (Transition transition : SCHEDULED) {
            triggers.nextFire(jobKey(operationId, transition)).ifPresent(at -> armed.put(transition, at));
        }
        return armed;
    }

    private void arm(Operation operation, Transition transition, Instant at) {
        JobKey key = jobKey(operation.id, transition);
        if (at == null) {
            triggers.disarm(key);
        } else {
            triggers.arm(
                    key,
                    OperationTransitionJob.class,
                    Map.of(
                            OperationTransitionJob.OPERATION_ID,
                            operation.id.toString(),
                            OperationTransitionJob.TRANSITION,
                            transition.name()),
                    at);
        }
    }

    private static JobKey jobKey(long operationId, Transition transition) {
        return JobKey.jobKey("operation-" + operationId + "-" + transition.name(), GROUP);
    }
}
