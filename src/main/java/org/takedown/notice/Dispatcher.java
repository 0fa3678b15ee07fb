package org.takedown.notice;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.takedown.audit.ChangesCommitted;

/**
 * Sends the ledger: one thread claims rows (each claim committed before its send, several rows per claim, each with
 * its send slot), and a small pool sends them, each at its slot, at most {@code workers} claimed or in flight. When idle it looks again every {@code poll}, or at once when this
 * replica commits a change. On shutdown it stops claiming and lets the sends in flight finish (each is bounded by
 * the Bot API timeout), so no row is left CLAIMED by a clean stop.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final Duration SWEEP_EVERY = Duration.ofSeconds(2);
    private static final Duration PREFLIGHT_EVERY = Duration.ofMillis(300);

    @Inject
    DeliveryClaimer claimer;
    @Inject
    DeliveryLedger ledger;
    @Inject
    RunPreflight runPreflight;
    @Inject
    TelegramGateway gateway;
    @Inject
    NoticePhotos photos;
    @Inject
    SendPacer pacer;
    @Inject
    TelegramConfig config;
    @Inject
    DeliveryMetrics metrics;

    private final Object wakeUp = new Object();
    private final String node = ManagementFactory.getRuntimeMXBean().getName();
    private volatile boolean running;
    private volatile boolean woken;
    private Thread claimLoop;
    private ExecutorService senders;
    private Semaphore slots;

    void start(@Observes StartupEvent event) {
        if (!config.dispatch().enabled()) {
            LOG.info("Telegram dispatcher disabled on this replica");
            return;
        }
        int workers = config.dispatch().workers();
        slots = new Semaphore(workers);
        senders = Executors.newFixedThreadPool(workers, r -> {
            Thread thread = new Thread(r, "telegram-sender");
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        claimLoop = new Thread(this::loop, "telegram-dispatcher");
        claimLoop.setDaemon(true);
        claimLoop.start();
        LOG.infof("Telegram dispatcher started (%s, %d workers%s)", node, workers, gateway.dryRun() ? ", dry-run" : "");
    }

    void stop(@Observes ShutdownEvent event) {
        if (!running) {
            return;
        }
        running = false;
        wake();
        try {
            claimLoop.join(Duration.ofSeconds(5).toMillis());
            senders.shutdown();
            if (!senders.awaitTermination(config.api().timeout().plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Telegram sends still in flight at shutdown: their rows become UNKNOWN when the lease expires");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Something changed (a run queued, a row resolved, an operation resumed): look for work now. */
    void onCommit(@Observes ChangesCommitted change) {
        wake();
    }

    private void wake() {
        synchronized (wakeUp) {
            woken = true;
            wakeUp.notifyAll();
        }
    }

    private void loop() {
        long nextSweep = 0;
        long nextPreflight = 0;
        boolean idle = true;
        while (running) {
            try {
                if (System.nanoTime() >= nextSweep) {
                    ledger.sweep();
                    nextSweep = System.nanoTime() + SWEEP_EVERY.toNanos();
                }
                if (!gateway.dryRun() && (idle || System.nanoTime() >= nextPreflight)) {
                    // A new run's targets are checked before its first row goes; its rows are not claimable until then.
                    runPreflight.claim().ifPresent(runPreflight::check);
                    nextPreflight = System.nanoTime() + PREFLIGHT_EVERY.toNanos();
                }
                slots.acquire();
                if (!running) {
                    slots.release();
                    return;
                }
                int capacity = 1 + slots.drainPermits();
                DeliveryClaimer.Claim claim;
                try {
                    claim = claimer.next(node, capacity);
                } catch (RuntimeException e) {
                    slots.release(capacity);
                    throw e;
                }
                idle = claim instanceof DeliveryClaimer.Claim.Idle;
                if (claim instanceof DeliveryClaimer.Claim.Ready ready) {
                    slots.release(capacity - ready.rows().size());
                    if (!hand(ready.rows())) {
                        return;
                    }
                    continue;
                }
                slots.release(capacity);
                Duration pause = claim instanceof DeliveryClaimer.Claim.Wait wait ? wait.duration() : config.dispatch().poll();
                pause(pause, claim instanceof DeliveryClaimer.Claim.Idle);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("Telegram dispatcher: claiming failed; trying again shortly", e);
                pause(config.dispatch().poll(), false);
            }
        }
    }

    /** Hands claimed rows to the senders; false when the senders have stopped (the rest go back, unsent). */
    private boolean hand(List<DeliveryClaimer.Claimed> rows) {
        for (int i = 0; i < rows.size(); i++) {
            DeliveryClaimer.Claimed row = rows.get(i);
            try {
                senders.execute(() -> send(row));
            } catch (RejectedExecutionException shuttingDown) {
                // Claimed as the senders stopped: nothing was sent, so the rows go back rather than to UNKNOWN.
                for (DeliveryClaimer.Claimed unsent : rows.subList(i, rows.size())) {
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
                // Waiting for the global pace: a wake-up would only find the same wait.
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

    private void send(DeliveryClaimer.Claimed row) {
        try {
            SendOutcome outcome;
            if (gateway.dryRun()) {
                outcome = new SendOutcome.DryRun();
            } else {
                long waiting = System.nanoTime();
                SendPacer.Send send = pacer.awaitSlot(row.sendAt());
                metrics.waitedForSlot(Duration.ofNanos(System.nanoTime() - waiting));
                try {
                    if (!ledger.start(row)) {
                        LOG.warnf("Delivery %d not sent: its claim lapsed before its slot", row.id());
                        return;
                    }
                    outcome = row.photoSha256() == null ? gateway.sendMessage(row.chat(), row.payload(), row.silent())
                            : photos.send(row.chat(), row.photoSha256(), row.payload(), row.silent());
                } finally {
                    pacer.answered(send);
                }
            }
            ledger.record(row, outcome);
            if (outcome instanceof SendOutcome.RateLimited limited) {
                metrics.rateLimited();
                ledger.rateLimited(row.chat(), limited.retryAfterSeconds());
            }
            if (row.pin() && outcome instanceof SendOutcome.Sent sent) {
                ledger.recordPin(row.id(), gateway.pin(row.chat(), sent.messageId(), true));
            }
        } catch (RuntimeException e) {
            // The row stays CLAIMED and its lease turns it UNKNOWN: we cannot tell whether the message went.
            LOG.errorf(e, "Telegram dispatcher: recording delivery %d failed", row.id());
        } finally {
            slots.release();
        }
    }
}
