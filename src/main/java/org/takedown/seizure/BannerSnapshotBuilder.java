package org.takedown.seizure;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.takedown.audit.AuditLog;
import org.takedown.operation.KillSwitchService;
import org.takedown.operation.Operation;
import org.takedown.operation.OperationService;
import org.takedown.operation.OperationStatus;

/** Reads the banner configuration of every approved or active operation into a new {@link BannerSnapshot}. */
@ApplicationScoped
class BannerSnapshotBuilder {

    /** What an operation contributed at its row version, kept between builds (which are serialised). */
    private record Built(long rowVersion, List<LiveHost> hosts) {}

    private final Map<Long, Built> byOperation = new ConcurrentHashMap<>();

    @Inject
    AuditLog audit;

    @Inject
    OperationService operations;

    @Inject
    OperationBanners operationBanners;

    @Inject
    SeizedDomainService domains;

    @Inject
    KillSwitchService killSwitch;

    @Inject
    Clock clock;

    @Transactional
    long version() {
        return audit.headSeq();
    }

    /**
     * The version is read first, so a change committed while building makes the next check rebuild again. Only
     * operations whose row version moved since the last build are read again (every edit of an operation or of one
     * of its parts bumps it): with hundreds of operations a rebuild after one change stays cheap. The first build reads
     * every live operation, so it may take longer than a request's transaction: a timeout would keep the service from
     * starting at all.
     */
    @Transactional
    @TransactionConfiguration(timeout = 600)
    BannerSnapshot build() {
        long version = audit.headSeq();
        Map<Long, Long> live =
                operations.versionsInStatus(EnumSet.of(OperationStatus.APPROVED, OperationStatus.ACTIVE));
        byOperation.keySet().retainAll(live.keySet());
        Map<String, LiveHost> hosts = new HashMap<>();
        live.forEach((id, rowVersion) -> {
            Built built = byOperation.get(id);
            if (built == null || built.rowVersion() != rowVersion) {
                built = new Built(rowVersion, liveHosts(operations.get(id)));
                byOperation.put(id, built);
            }
            built.hosts().forEach(host -> hosts.put(host.host(), host));
        });
        return new BannerSnapshot(version, killSwitch.bannersStopped(), Map.copyOf(hosts));
    }

    private List<LiveHost> liveHosts(Operation operation) {
        List<SeizedDomain> seized = domains.ofOperation(operation.id);
        if (seized.isEmpty()) {
            return List.of();
        }
        ZoneId zone = ZoneId.of(operation.timezone);
        OperationBanner banner = operationBanners.saved(operation);
        LocalDate approvedOn = operations
                .lastApprovedAt(operation.id)
                .map(at -> LocalDate.ofInstant(at, zone))
                .orElse(LocalDate.now(clock.withZone(zone)));
        List<LiveHost> hosts = new ArrayList<>();
        for (SeizedDomain domain : seized) {
            LocalDate seizedOn = domain.liveFrom == null ? approvedOn : LocalDate.ofInstant(domain.liveFrom, zone);
            for (String host : domain.coveredHosts()) {
                hosts.add(new LiveHost(
                        host,
                        domain.id,
                        domain.liveFrom,
                        domain.liveUntil,
                        domain.unavailableForLegalReasons,
                        domain.blockedBy,
                        seizedOn,
                        banner));
            }
        }
        return List.copyOf(hosts);
    }
}
