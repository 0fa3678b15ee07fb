package org.takedown.watch;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The watch cycle, fired by Quartz ({@code takedown.watch.cycle-every}, once across replicas): reads (channels) and
 * probes (domains) every due target on a fixed pool of {@code concurrency} threads, claiming a batch of due targets
 * at a time and starting each as a slot frees up. A slow target holds one slot until the fetch gate's time limits
 * end it; the others keep being read.
 */
@ApplicationScoped
public class WatchCycleJob {

    private static final Logger LOG = Logger.getLogger(WatchCycleJob.class);

    @Inject
    DueReads dueReads;

    @Inject
    ChannelWatcher watcher;

    @Inject
    DomainProber prober;

    @Inject
    WatchConfig config;

    @Inject
    WatchMetrics metrics;

    private Semaphore slots;
    private volatile ExecutorService pool;
    private volatile boolean stopping;

    @PostConstruct
    void slots() {
        slots = new Semaphore(config.concurrency());
    }

    @Scheduled(
            identity = "watch-cycle",
            every = "${takedown.watch.cycle-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void fire() {
        cycle();
    }

    /**
     * Reads everything that is due: claims a batch of due targets, starts each as a slot frees up, claims the next
     * batch, until nothing is due. Returns how many reads it started; they may still be running.
     */
    public int cycle() {
        long start = System.nanoTime();
        int started = 0;
        try {
            while (!stopping) {
                slots.acquire();
                slots.release();
                // A batch as large as the pool: one claim transaction serves many reads, and a claimed target
                // waits at most for a slot to free up.
                List<DueReads.Claim> claimed = dueReads.claim(config.concurrency());
                if (claimed.isEmpty()) {
                    return started;
                }
                for (DueReads.Claim claim : claimed) {
                    slots.acquire();
                    started++;
                    pool().execute(() -> read(claim));
                }
            }
            return started;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return started;
        } finally {
            metrics.cycled(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private void read(DueReads.Claim claim) {
        try {
            String outcome = claim.kind() == WatchTargetKind.DOMAIN
                    ? prober.probe(claim).detail()
                    : watcher.read(claim).detail();
            LOG.debugf("Watch target %d: %s", claim.targetId(), outcome);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Reading watch target %d failed", claim.targetId());
        } finally {
            slots.release();
        }
    }

    /** Reads in progress on this replica. */
    public int reading() {
        return config.concurrency() - slots.availablePermits();
    }

    private synchronized ExecutorService pool() {
        if (pool == null) {
            AtomicInteger n = new AtomicInteger();
            pool = Executors.newFixedThreadPool(config.concurrency(), r -> {
                Thread thread = new Thread(r, "watch-read-" + n.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
        return pool;
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        ExecutorService running = pool;
        if (running != null) {
            running.shutdownNow();
        }
    }
}
