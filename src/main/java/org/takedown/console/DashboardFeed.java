package org.takedown.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.takedown.audit.AuditLog;
import org.takedown.delivery.DeliveryStatus;
import org.takedown.notice.DeliveryService;
import org.takedown.notice.Notice;
import org.takedown.notice.NoticeRun;
import org.takedown.notice.NoticeService;
import org.takedown.notice.NoticeTriggers;
import org.takedown.notice.TelegramTarget;
import org.takedown.notice.TelegramTargetService;
import org.takedown.operation.KillSwitchService;
import org.takedown.operation.Operation;
import org.takedown.operation.OperationService;
import org.takedown.operation.OperationStatus;
import org.takedown.seizure.BannerService;
import org.takedown.seizure.BannerStage;
import org.takedown.seizure.SeizedDomain;
import org.takedown.seizure.SeizedDomainService;
import org.takedown.watch.DiscoveryCandidate;
import org.takedown.watch.DiscoveryService;
import org.takedown.watch.DomainProbe;
import org.takedown.watch.WatchTarget;
import org.takedown.watch.WatchTargetKind;
import org.takedown.watch.WatchTargetService;

/**
 * What the dashboard shows of the operations under way (approved, active, paused or waiting for approval): the runs
 * still sending, the next
 * scheduled events (go-lives and retirements, stage reveals, one-off notices, activation and end) and what needs an
 * officer (suspended targets, broken readers and alerts, seized domains not showing our banner, new discoveries).
 */
@ApplicationScoped
public class DashboardFeed {

    private static final EnumSet<OperationStatus> UNDER_WAY = EnumSet.of(
            OperationStatus.PENDING_APPROVAL, OperationStatus.APPROVED, OperationStatus.ACTIVE, OperationStatus.PAUSED);
    /** The states whose banners the seized domains serve (see seizure.BannerSnapshotBuilder). */
    private static final EnumSet<OperationStatus> SERVING =
            EnumSet.of(OperationStatus.APPROVED, OperationStatus.ACTIVE);

    private static final int EVENTS = 15;
    private static final java.time.Duration FRESH = java.time.Duration.ofSeconds(20);
    private static final int RECENT_RUNS = 5;
    private static final List<DeliveryStatus> UNSETTLED =
            List.of(DeliveryStatus.PENDING, DeliveryStatus.CLAIMED, DeliveryStatus.RETRY_AT);

    /** Something due at a time, for one operation. */
    public record Event(Instant at, Operation op, String what) {}

    /** Something that needs an officer, on one operation's page or its watch page. */
    public record Alert(Operation op, String what, String link) {}

    /** A notice run still sending: how many of its messages are still to go. */
    public record Sending(Operation op, NoticeRun run, long toGo) {}

    /** A seized domain whose banner is served now. */
    public record Banner(Operation op, String host) {}

    public record Feed(List<Event> events, List<Alert> alerts, List<Sending> sending, List<Banner> banners) {}

    @Inject
    OperationService operations;

    @Inject
    SeizedDomainService domains;

    @Inject
    BannerService banners;

    @Inject
    NoticeService notices;

    @Inject
    TelegramTargetService targets;

    @Inject
    WatchTargetService watch;

    @Inject
    DiscoveryService discovery;

    @Inject
    DeliveryService deliveries;

    @Inject
    NoticeTriggers noticeTriggers;

    @Inject
    KillSwitchService killSwitch;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** The feed as last read, with the audit sequence it was read at: every officer's change moves that sequence. */
    private record Read(long auditSeq, Instant at, Feed feed) {}

    private volatile Read last;

    /**
     * The feed, read again when anything was recorded in the audit log since, or after {@link #FRESH}: reading it takes
     * a few queries per operation under way, and every officer's dashboard asks for it.
     */
    public Feed read() {
        long seq = audit.headSeq();
        Instant now = clock.instant();
        Read cached = last;
        if (cached != null
                && cached.auditSeq() == seq
                && now.isBefore(cached.at().plus(FRESH))) {
            return cached.feed();
        }
        Feed feed = readNow(now);
        last = new Read(seq, now, feed);
        return feed;
    }

    private Feed readNow(Instant now) {
        List<Event> events = new ArrayList<>();
        List<Alert> alerts = new ArrayList<>();
        List<Sending> sending = new ArrayList<>();
        List<Banner> served = new ArrayList<>();
        boolean bannersStopped = killSwitch.bannersStopped();
        for (Operation op : operations.inStatus(UNDER_WAY)) {
            for (NoticeRun run :
                    deliveries.runs(op.id, null).page(0, RECENT_RUNS).list()) {
                Map<DeliveryStatus, Long> counts = deliveries.counts(run.id);
                long toGo = UNSETTLED.stream()
                        .mapToLong(state -> counts.getOrDefault(state, 0L))
                        .sum();
                if (toGo > 0) {
                    sending.add(new Sending(op, run, toGo));
                }
            }
            upcoming(events, now, op.activateAt, op, "operation activates");
            upcoming(events, now, op.endAt, op, "operation ends");
            for (SeizedDomain domain : domains.ofOperation(op.id)) {
                boolean live = SERVING.contains(op.status)
                        && (domain.liveFrom == null || !domain.liveFrom.isAfter(now))
                        && (domain.liveUntil == null || domain.liveUntil.isAfter(now));
                if (live && !bannersStopped) {
                    domain.coveredHosts().forEach(host -> served.add(new Banner(op, host)));
                }
                upcoming(events, now, domain.liveFrom, op, "banner goes live on " + domain.hostname);
                upcoming(events, now, domain.liveUntil, op, "banner retires on " + domain.hostname);
            }
            List<BannerStage> stages = banners.stages(op.id);
            for (int i = 0; i < stages.size(); i++) {
                upcoming(events, now, stages.get(i).revealAt, op, "banner stage " + (i + 1) + " is revealed");
            }
            for (Notice notice : notices.list(op.id).list()) {
                Instant next = noticeTriggers.nextFire(op.id, notice.id).orElse(notice.sendAt);
                upcoming(
                        events,
                        now,
                        next,
                        op,
                        "notice \u201c" + notice.title + "\u201d is sent"
                                + (notice.cron != null ? " (repeating)" : ""));
            }
            String page = "/console/operations/" + op.id;
            for (TelegramTarget target : targets.list(op.id, null).list()) {
                if (target.suspended) {
                    alerts.add(new Alert(
                            op,
                            "Telegram target " + target.chat() + " is suspended: " + target.preflightStatus,
                            page + "#telegram-targets"));
                }
            }
            for (WatchTarget target : watch.list(op.id, null).list()) {
                if (target.alert != null) {
                    alerts.add(new Alert(op, target.value + ": " + target.alert, page + "/watch"));
                } else if (target.lastReadStatus == WatchTarget.ReadStatus.READER_ALERT) {
                    alerts.add(new Alert(
                            op,
                            "the reader of " + target.value + " needs attention: " + target.lastReadDetail,
                            page + "/watch"));
                }
                if (target.kind == WatchTargetKind.DOMAIN) {
                    DomainProbe latest = watch.history(op.id, target.id).firstResult();
                    if (latest != null && latest.takedown != null && latest.takedown != DomainProbe.Takedown.VERIFIED) {
                        alerts.add(new Alert(
                                op,
                                target.value + " does not show our banner (" + latest.takedown + ")",
                                page + "/watch"));
                    }
                }
            }
            long candidates =
                    discovery.list(op.id, DiscoveryCandidate.Status.NEW).count();
            if (candidates > 0) {
                alerts.add(new Alert(op, candidates + " new domains or handles found in adverts", page + "/watch"));
            }
        }
        events.sort(Comparator.comparing(Event::at));
        return new Feed(events.subList(0, Math.min(EVENTS, events.size())), alerts, sending, served);
    }

    private static void upcoming(List<Event> events, Instant now, Instant at, Operation op, String what) {
        if (at != null && at.isAfter(now)) {
            events.add(new Event(at, op, what));
        }
    }
}
