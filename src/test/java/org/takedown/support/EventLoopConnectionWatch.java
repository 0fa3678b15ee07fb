package org.takedown.support;

import io.agroal.api.AgroalPoolInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every database connection taken on a Vert.x event-loop thread — where banner requests are served. A
 * banner request that touched the database would show up here (and would block the event loop).
 */
@ApplicationScoped
public class EventLoopConnectionWatch implements AgroalPoolInterceptor {

    private final List<String> acquisitions = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong total = new java.util.concurrent.atomic.AtomicLong();

    @Override
    public void onConnectionAcquire(Connection connection) {
        total.incrementAndGet();
        String thread = Thread.currentThread().getName();
        if (thread.contains("eventloop")) {
            acquisitions.add(thread);
        }
    }

    public void clear() {
        acquisitions.clear();
    }

    /** Acquisitions on any thread: shows the watch is wired to the pool at all. */
    public long total() {
        return total.get();
    }

    public List<String> acquisitions() {
        return List.copyOf(acquisitions);
    }
}
