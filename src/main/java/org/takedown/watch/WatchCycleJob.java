package org.takedown.watch;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The watch cycle, fired by Quartz ({@code takedown.watch.cycle-every}, once across replicas): claims as many due
 * targets as this replica has free read slots and reads them on a fixed pool of {@code concurrency} threads. A slow
 * target holds one slot until the fetch gate's time limits end it; the others keep being read.
 */
@ApplicationScoped
public class WatchCycleJob {

    private static final Logger LOG = Logger.getLogger(WatchCycleJob.class);

    @Inject
    DueReads dueReads;
    @Inject
    ChannelWatcher watcher;
    @Inject
    WatchConfig config;

    private final AtomicInteger reading = new AtomicInteger();
    private volatile ExecutorService pool;

    @Scheduled(identity = "watch-cycle", every = "${takedown.watch.cycle-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void fire() {
        cycle();
    }

    /** Starts the reads that are due and fit in the free slots; returns how many it started. */
    public int cycle() {
        List<Long> claimed = dueReads.claim(config.concurrency() - reading.get());
        for (Long targetId : claimed) {
            reading.incrementAndGet();
            pool().execute(() -> {
                try {
                    ChannelWatcher.Read read = watcher.read(targetId);
                    LOG.debugf("Watch target %d read: %s %s", targetId, read.status(), read.detail());
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Reading watch target %d failed", targetId);
                } finally {
                    reading.decrementAndGet();
                }
            });
        }
        return claimed.size();
    }

    /** Reads in progress on this replica. */
    public int reading() {
        return reading.get();
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
        ExecutorService running = pool;
        if (running != null) {
            running.shutdownNow();
        }
    }
}
