package org.takedown.delivery;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.takedown.audit.ChangesCommitted;

/**
 * Sends the ledger, one loop per channel on each replica: it claims rows (each claim committed before its send, several
 * rows per claim, each with its send slot) and a pool sends them, at most {@code workers} claimed or in flight. Each
 * send is prepared first (the channel's reads), then called at its slot, at most {@code inFlight} calls awaiting their
 * answers at once. When idle it looks again every {@code poll}, or at once when this replica commits a change. The
 * lease sweep (with the receipts that raced their answers) runs every two seconds. On shutdown each loop stops claiming
 * and lets the sends in flight finish (each bounded by the provider's timeout), so no row is left CLAIMED by a clean
 * stop.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final Duration SWEEP_EVERY = Duration.ofSeconds(2);
    private static final Duration PREPARE_EVERY = Duration.ofMillis(300);
    /** How far back the sweep looks for receipts that raced the answer they belong to (a matter of moments). */
    private static final Duration RECEIPT_RACE = Duration.ofMinutes(10);

    @Inject
    Channels channels;

    @Inject
    DeliveryClaimer claimer;

    @Inject
    DeliveryLedger ledger;

    @Inject
    SendSchedule schedule;

    @Inject
    DeliveryMetrics metrics;

    @Inject
    Receipts receipts;

    private final String node = ManagementFactory.getRuntimeMXBean().getName();
    private final List<Loop> loops = new ArrayList<>();

    void start(@Observes StartupEvent event) {
        for (Channel channel : channels.all()) {
            metrics.register(channel.name());
            ensureSchedule(channel.name());
            if (!channel.dispatch().enabled()) {
                LOG.infof("Dispatcher of the %s channel disabled on this replica", channel.name());
                continue;
            }
            Loop loop = new Loop(channel);
            loops.add(loop);
            loop.start();
            LOG.infof(
                    "Dispatcher of the %s channel started (%s, %d workers%s)",
                    channel.name(), node, channel.dispatch().workers(), channel.dryRun() ? ", dry-run" : "");
        }
    }

    /** Creates the channel's pacing row; replicas starting together may race to, and the loser finds the winner's. */
    private void ensureSchedule(String channel) {
        try {
            QuarkusTransaction.requiringNew().run(() -> schedule.ensure(channel));
        } catch (RuntimeException raced) {
            if (!QuarkusTransaction.requiringNew().call(() -> schedule.exists(channel))) {
                throw raced;
            }
        }
    }

    void stop(@Observes ShutdownEvent event) {
        loops.forEach(Loop::stopClaiming);
        loops.forEach(Loop::awaitSends);
    }

    /** Something changed (a run queued, a row resolved, an operation resumed): look for work now. */
    void onCommit(@Observes ChangesCommitted change) {
        loops.forEach(Loop::wake);
    }

    /** One channel's claim loop and its senders. */
    private final class Loop {

        private final Channel channel;
        private final Sender sender;
        private final ArrivalWindow arrivals;
        private final Semaphore slots;
        private final Semaphore calls;
        private final ExecutorService senders;
        private final Object wakeUp = new Object();
        private volatile boolean running = true;
        private volatile boolean woken;
        private final Thread thread;

        Loop(Channel channel) {
            this.channel = channel;
            this.sender = channel.sender();
            this.arrivals = new ArrivalWindow(channel.pace());
            int workers = channel.dispatch().workers();
            this.slots = new Semaphore(workers);
            this.calls = new Semaphore(channel.dispatch().inFlight());
            this.senders = Executors.newFixedThreadPool(workers, r -> {
                Thread sending = new Thread(r, channel.name() + "-sender");
                sending.setDaemon(true);
                return sending;
            });
            this.thread = new Thread(this::run, channel.name() + "-dispatcher");
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        void stopClaiming() {
            running = false;
            wake();
            try {
                thread.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            senders.shutdown();
        }

        void awaitSends() {
            try {
                if (!senders.awaitTermination(
                        channel.dispatch().callTimeout().plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warnf(
                            "%s sends still in flight at shutdown: their rows become UNKNOWN when the lease expires",
                            channel.name());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void wake() {
            synchronized (wakeUp) {
                woken = true;
                wakeUp.notifyAll();
            }
        }

        private void run() {
            long nextSweep = 0;
            long nextPrepare = 0;
            boolean idle = true;
            while (running) {
                try {
                    if (System.nanoTime() >= nextSweep) {
                        ledger.sweep(channel.name());
                        receipts.matchWaiting(channel.name(), RECEIPT_RACE);
                        nextSweep = System.nanoTime() + SWEEP_EVERY.toNanos();
                    }
                    if (idle || System.nanoTime() >= nextPrepare) {
                        channel.prepare();
                        nextPrepare = System.nanoTime() + PREPARE_EVERY.toNanos();
                    }
                    slots.acquire();
                    if (!running) {
                        slots.release();
                        return;
                    }
                    int capacity = 1 + slots.drainPermits();
                    DeliveryClaimer.Claim claim;
                    try {
                        claim = claimer.next(channel, node, capacity);
                    } catch (RuntimeException e) {
                        slots.release(capacity);
                        throw e;
                    }
                    idle = claim instanceof DeliveryClaimer.Claim.Idle;
                    if (claim instanceof DeliveryClaimer.Claim.Ready ready) {
                        slots.release(capacity - ready.rows().size());
                        arrivals.dispatchers(ready.dispatchers());
                        if (!hand(ready.rows())) {
                            return;
                        }
                        continue;
                    }
                    slots.release(capacity);
                    Duration pause = claim instanceof DeliveryClaimer.Claim.Wait wait
                            ? wait.duration()
                            : channel.dispatch().poll();
                    pause(pause, claim instanceof DeliveryClaimer.Claim.Idle);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    LOG.errorf(
                            e, "Dispatcher of the %s channel: claiming failed; trying again shortly", channel.name());
                    pause(channel.dispatch().poll(), false);
                }
            }
        }

        /** Hands claimed rows to the senders; false when the senders have stopped (the rest go back, unsent). */
        private boolean hand(List<Claimed> rows) {
            for (int i = 0; i < rows.size(); i++) {
                Claimed row = rows.get(i);
                try {
                    senders.execute(() -> send(row));
                } catch (RejectedExecutionException shuttingDown) {
                    // Claimed as the senders stopped: nothing was sent, so the rows go back rather than to UNKNOWN.
                    for (Claimed unsent : rows.subList(i, rows.size())) {
                        slots.release();
                        ledger.release(unsent);
                    }
                    return false;
                }
            }
            return true;
        }

        private void pause(Duration duration, boolean wakeable) {
            try {
                if (!wakeable) {
                    // Waiting for the channel's pace: a wake-up would only find the same wait.
                    TimeUnit.NANOSECONDS.sleep(Math.max(1, duration.toNanos()));
                    return;
                }
                synchronized (wakeUp) {
                    if (!woken) {
                        wakeUp.wait(Math.max(1, duration.toMillis()));
                    }
                    woken = false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void answered(Sender.Call call, Claimed row, Outcome outcome) {
            try {
                call.answered(outcome);
            } catch (RuntimeException e) {
                LOG.errorf(
                        e,
                        "Dispatcher of the %s channel: the step after the answer to delivery %d failed",
                        channel.name(),
                        row.id());
            }
        }

        private void afterSent(Claimed row, String providerId) {
            try {
                channel.afterSent(row, providerId);
            } catch (RuntimeException e) {
                LOG.errorf(
                        e,
                        "Dispatcher of the %s channel: the step after sending delivery %d failed (the row stays SENT)",
                        channel.name(),
                        row.id());
            }
        }

        private void send(Claimed row) {
            try {
                Sender.Call call;
                try {
                    call = sender.prepare(row);
                } catch (RuntimeException e) {
                    LOG.errorf(
                            e, "Dispatcher of the %s channel: preparing delivery %d failed", channel.name(), row.id());
                    call = new Sender.Decided(new Outcome.Failed(
                            "the message could not be prepared (" + e.getClass().getSimpleName()
                                    + "); nothing was sent",
                            true));
                }
                Outcome outcome;
                if (call instanceof Sender.Decided || channel.dryRun()) {
                    outcome = call.send();
                } else {
                    long waiting = System.nanoTime();
                    ArrivalWindow.Send send = arrivals.awaitSlot(row.sendAt());
                    calls.acquireUninterruptibly();
                    metrics.waitedForSlot(channel.name(), Duration.ofNanos(System.nanoTime() - waiting));
                    try {
                        if (!ledger.start(row)) {
                            LOG.warnf("Delivery %d not sent: its claim lapsed before its slot", row.id());
                            return;
                        }
                        outcome = call.send();
                    } finally {
                        arrivals.answered(send);
                        calls.release();
                    }
                    answered(call, row, outcome);
                }
                ledger.record(row, outcome);
                if (outcome instanceof Outcome.Sent sent) {
                    afterSent(row, sent.providerId());
                }
                if (outcome instanceof Outcome.RateLimited limited) {
                    metrics.rateLimited(channel.name());
                    ledger.rateLimited(
                            channel.name(),
                            row.address(),
                            limited.retryAfterSeconds(),
                            limited.everyone() || arrivals.refused(row.address()));
                }
                if (outcome instanceof Outcome.Unreachable unreachable) {
                    ledger.rateLimited(channel.name(), row.address(), unreachable.retryAfterSeconds(), true);
                }
            } catch (RuntimeException e) {
                // The row stays CLAIMED and its lease turns it UNKNOWN: we cannot tell whether the message went.
                LOG.errorf(e, "Dispatcher of the %s channel: recording delivery %d failed", channel.name(), row.id());
            } finally {
                slots.release();
            }
        }
    }
}
