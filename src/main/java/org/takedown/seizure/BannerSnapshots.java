package org.takedown.seizure;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import org.takedown.audit.ChangesCommitted;

/**
 * Holds the current {@link BannerSnapshot}. It is rebuilt right after a change commits on this replica, and every
 * {@code takedown.banner.refresh-interval} each replica compares the audit head with the snapshot's version, so a
 * change made through another replica is served here within that interval. A failed rebuild keeps the last good
 * snapshot: banners stay up while the database is unreachable.
 */
@ApplicationScoped
public class BannerSnapshots {

    private static final Logger LOG = Logger.getLogger(BannerSnapshots.class);

    @Inject
    BannerSnapshotBuilder builder;

    @Inject
    BannerConfig config;

    private final AtomicReference<BannerSnapshot> current = new AtomicReference<>(BannerSnapshot.EMPTY);
    private ScheduledExecutorService refresher;

    void start(@Observes StartupEvent event) {
        refreshNow();
        refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "banner-snapshot");
            thread.setDaemon(true);
            return thread;
        });
        long interval = config.refreshInterval().toMillis();
        refresher.scheduleWithFixedDelay(this::refreshQuietly, interval, interval, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }

    void onCommit(@Observes ChangesCommitted change) {
        ScheduledExecutorService executor = refresher;
        if (executor != null && change.headSeq() != current.get().version()) {
            executor.execute(this::refreshQuietly);
        }
    }

    BannerSnapshot current() {
        return current.get();
    }

    /**
     * Rebuilds if the audit head moved since the current snapshot was built. Serialised: two overlapping rebuilds
     * could otherwise finish out of order and put back a state that the newer one had already replaced.
     */
    synchronized void refreshNow() {
        if (builder.version() != current.get().version()) {
            BannerSnapshot snapshot = builder.build();
            current.set(snapshot);
            LOG.debugf(
                    "Banner snapshot %d: %d hosts",
                    snapshot.version(), snapshot.hosts().size());
        }
    }

    private void refreshQuietly() {
        try {
            refreshNow();
        } catch (RuntimeException e) {
            LOG.warnf(
                    "Banner snapshot not refreshed, still serving version %d: %s",
                    current.get().version(), e.toString());
        }
    }
}
