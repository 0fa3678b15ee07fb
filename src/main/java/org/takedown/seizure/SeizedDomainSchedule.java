package org.takedown.seizure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import org.quartz.JobKey;
import org.takedown.common.OneShotTriggers;
import org.takedown.operation.OperationStatus;
import org.takedown.operation.OperationStatusChanged;

/**
 * Arms, per seized domain, a trigger at go-live and one at retirement while its operation is approved or active.
 * They announce the change (state, audit row, log); they do not decide it — a request is live or not by the clock.
 */
@ApplicationScoped
public class SeizedDomainSchedule {

    static final String GROUP = "seized-domain";

    @Inject
    OneShotTriggers triggers;

    @Inject
    SeizedDomainService domains;

    @Inject
    Clock clock;

    void onStatusChange(@Observes OperationStatusChanged change) {
        boolean armed = change.to() == OperationStatus.APPROVED || change.to() == OperationStatus.ACTIVE;
        for (SeizedDomain domain : domains.ofOperation(change.operationId())) {
            if (armed) {
                arm(domain);
            } else {
                disarm(domain.id);
                domain.state = DomainState.SCHEDULED;
            }
        }
    }

    void arm(SeizedDomain domain) {
        triggers.arm(
                key(domain.id, DomainState.LIVE),
                DomainAnnouncementJob.class,
                data(domain.id, DomainState.LIVE),
                domain.liveFrom == null ? clock.instant() : domain.liveFrom);
        if (domain.liveUntil == null) {
            triggers.disarm(key(domain.id, DomainState.RETIRED));
        } else {
            triggers.arm(
                    key(domain.id, DomainState.RETIRED),
                    DomainAnnouncementJob.class,
                    data(domain.id, DomainState.RETIRED),
                    domain.liveUntil);
        }
    }

    void disarm(long domainId) {
        triggers.disarm(key(domainId, DomainState.LIVE));
        triggers.disarm(key(domainId, DomainState.RETIRED));
    }

    private static Map<String, String> data(long domainId, DomainState state) {
        return Map.of(
                DomainAnnouncementJob.DOMAIN_ID, Long.toString(domainId), DomainAnnouncementJob.STATE, state.name());
    }

    static JobKey key(long domainId, DomainState state) {
        return JobKey.jobKey("seized-domain-" + domainId + "-" + state, GROUP);
    }
}
