package org.takedown.operation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.takedown.audit.AuditLog;
import org.takedown.common.ProblemException;

/**
 * The global stop. While engaged nothing is sent to Telegram, and with {@code includeBanners} no banner is
 * served; operations keep their own states, so releasing the switch restores exactly what ran before.
 */
@ApplicationScoped
public class KillSwitchService {

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public KillSwitch state() {
        return KillSwitch.findById(KillSwitch.ID);
    }

    public boolean sendingStopped() {
        return state().engaged;
    }

    public boolean bannersStopped() {
        KillSwitch state = state();
        return state.engaged && state.includeBanners;
    }

    @Transactional
    public KillSwitch set(String actor, KillSwitchRequest request) {
        if (request.engaged() && (request.reason() == null || request.reason().isBlank())) {
            throw ProblemException.invalidField(400, "reason", "is required to engage the kill switch");
        }
        KillSwitch state = KillSwitch.findById(KillSwitch.ID, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        state.engaged = request.engaged();
        state.includeBanners = request.engaged() && Boolean.TRUE.equals(request.includeBanners());
        state.reason = request.reason();
        state.changedBy = actor;
        state.changedAt = clock.instant();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("engaged", state.engaged);
        summary.put("includeBanners", state.includeBanners);
        if (state.reason != null) {
            summary.put("reason", state.reason);
        }
        audit.record(
                actor,
                state.engaged ? "KILL_SWITCH_ENGAGED" : "KILL_SWITCH_RELEASED",
                "kill_switch",
                KillSwitch.ID,
                summary);
        return state;
    }
}
