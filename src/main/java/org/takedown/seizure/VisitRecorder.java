package org.takedown.seizure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;
import org.takedown.common.TextClip;

/**
 * Counts banner visits in memory (per domain per minute) and writes them in batches every
 * {@code takedown.banner.visit-flush-interval}: a request never waits for the database. Operations that enable
 * it also get a per-visit log: client address omitted, hashed with a secret salt that changes every day and is
 * never stored, or in full. If a write fails, the counts and visits go back in memory for the next attempt.
 */
@ApplicationScoped
public class VisitRecorder {

    private static final Logger LOG = Logger.getLogger(VisitRecorder.class);
    private static final int MAX_TEXT = 512;

    record MinuteKey(long domainId, long epochMinute) {}

    private record Salt(long day, byte[] key) {}

    @Inject
    VisitStore store;

    @Inject
    BannerConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    Clock clock;

    private final String instanceId = UUID.randomUUID().toString();
    private final Map<MinuteKey, LongAdder> minutes = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<VisitStore.Visit> visits = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();

    private record ResponseKey(String host, int status) {}

    private final Map<ResponseKey, Counter> responses = new ConcurrentHashMap<>();
    private final Map<String, Counter> pageViews = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private volatile Salt salt = new Salt(-1, new byte[0]);
    private ScheduledExecutorService flusher;

    void start(@Observes StartupEvent event) {
        flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "banner-visits");
            thread.setDaemon(true);
            return thread;
        });
        long interval = config.visitFlushInterval().toMillis();
        flusher.scheduleWithFixedDelay(this::flushQuietly, interval, interval, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (flusher != null) {
            flusher.shutdownNow();
        }
        flushQuietly();
    }

    /** A banner page was served: count it, and log it if the operation asked for that. */
    void pageView(LiveHost host, HttpServerRequest request, String language, Instant now, int status) {
        minutes.computeIfAbsent(new MinuteKey(host.domainId(), now.getEpochSecond() / 60), k -> new LongAdder())
                .increment();
        response(host, status);
        pageViews
                .computeIfAbsent(
                        host.host(),
                        h -> Counter.builder("takedown.banner.visits")
                                .description("Banner pages served (assets not counted)")
                                .tag("host", h)
                                .register(registry))
                .increment();
        VisitLogMode mode = host.banner().visitLog;
        if (mode == VisitLogMode.NONE) {
            return;
        }
        if (queued.incrementAndGet() > config.visitLogQueueLimit()) {
            queued.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        SocketAddress remote = request.remoteAddress();
        String address = remote == null ? null : remote.hostAddress();
        String client = address == null ? null : mode == VisitLogMode.FULL ? address : hash(address, now);
        visits.add(new VisitStore.Visit(
                host.domainId(),
                host.banner().operationId,
                now,
                client,
                language,
                truncate(request.path()),
                truncate(request.getHeader(HttpHeaders.USER_AGENT))));
    }

    /** Prometheus: {@code takedown_banner_responses_total{host, status}}; unknown hosts share {@code host="none"}. */
    void response(LiveHost host, int status) {
        ResponseKey key = new ResponseKey(host == null ? "none" : host.host(), status);
        Counter counter = responses.get(key);
        if (counter == null) {
            counter = responses.computeIfAbsent(
                    key,
                    k -> Counter.builder("takedown.banner.responses")
                            .description("Responses on seized and unknown hosts")
                            .tag("host", k.host())
                            .tag("status", Integer.toString(k.status()))
                            .register(registry));
        }
        counter.increment();
    }

    /** Per-visit log entries not kept because the in-memory queue was full. */
    long dropped() {
        return dropped.get();
    }

    /** Writes everything counted so far. Counters of minutes long past are forgotten once written. */
    void flush() throws SQLException {
        long current = clock.instant().getEpochSecond() / 60;
        List<VisitStore.MinuteCount> counts = new ArrayList<>();
        for (var entry : minutes.entrySet()) {
            long hits = entry.getValue().sumThenReset();
            if (hits > 0) {
                counts.add(new VisitStore.MinuteCount(
                        entry.getKey().domainId(), entry.getKey().epochMinute(), hits));
            } else if (entry.getKey().epochMinute() < current - 2) {
                minutes.remove(entry.getKey(), entry.getValue());
            }
        }
        List<VisitStore.Visit> batch = new ArrayList<>();
        for (VisitStore.Visit visit; (visit = visits.poll()) != null; ) {
            batch.add(visit);
            queued.decrementAndGet();
        }
        if (counts.isEmpty() && batch.isEmpty()) {
            return;
        }
        try {
            store.write(instanceId, counts, batch);
        } catch (SQLException | RuntimeException e) {
            counts.forEach(
                    c -> minutes.computeIfAbsent(new MinuteKey(c.domainId(), c.epochMinute()), k -> new LongAdder())
                            .add(c.hits()));
            batch.forEach(v -> {
                queued.incrementAndGet();
                visits.add(v);
            });
            throw e;
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Banner visits not written yet, kept in memory: %s", e.toString());
        }
    }

    private String hash(String address, Instant now) {
        long day = now.getEpochSecond() / 86_400;
        Salt current = salt;
        if (current.day() != day) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            current = new Salt(day, key);
            salt = current;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(current.key(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(address.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }

    private static String truncate(String value) {
        return TextClip.clip(value, MAX_TEXT);
    }
}
