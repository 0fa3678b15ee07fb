package org.takedown.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.locks.LockSupport;

/**
 * One replica's sends of one channel as the provider sees them arrive. Slots ({@link SendSchedule}) are when requests
 * leave; a provider that counts arrivals in a one-second window sees a request delayed on the way (a pause of either
 * process, a slow network) arrive nearer the ones after it. So, for such a channel, each replica remembers its last
 * {@code perSecond} sends and starts a send only a second after the answer to the send its share before it — by then
 * that one had certainly arrived. On a link with a round trip of r this caps the channel at
 * {@code perSecond / (1 s + r)}; on loopback, or near the provider, the slots decide. Several replicas cannot see each
 * other's answers, so each keeps to its share ({@code perSecond / dispatchers}); the shares add up to the limit.
 * <p>
 * It also tells a flood: two addresses refused within a second hold the whole channel, not just the addresses.
 */
final class ArrivalWindow {

    /** The provider's one-second window, and a margin for clocks that count in whole milliseconds. */
    private static final long WINDOW_NANOS = Duration.ofMillis(1005).toNanos();
    /** A request unanswered for this long is no longer waited for: it is stuck, not on its way. */
    private static final long STUCK_NANOS = Duration.ofSeconds(2).toNanos();

    /** One send: when it left and when it was answered (System.nanoTime; 0 until then). */
    static final class Send {
        private volatile long started;
        private volatile long answered;
    }

    private final Clock wall = Clock.systemUTC();
    private final int perSecond;
    private final boolean guarded;
    /** This replica's last {@code perSecond} sends, oldest first. */
    private final Deque<Send> recent = new ArrayDeque<>();
    /** How many of this replica's sends may arrive within one second: its share of the limit. */
    private volatile int share;

    private String lastRefused;
    private Instant lastRefusedAt = Instant.EPOCH;

    ArrivalWindow(Pace pace) {
        this.perSecond = Math.max(1, (int) Math.floor(pace.perSecond()));
        this.guarded = pace.arrivalWindow();
        this.share = perSecond;
    }

    /** The dispatchers now claiming for the channel (from the last claim): this replica's share is the limit over them. */
    void dispatchers(int dispatchers) {
        share = Math.max(1, perSecond / Math.max(1, dispatchers));
    }

    /**
     * Waits, without a transaction, for the slot and (on a guarded channel) for this replica's one-second window; the
     * caller sends at once and then reports {@link #answered}.
     */
    Send awaitSlot(Instant slot) {
        for (long nanos = Duration.between(wall.instant(), slot).toNanos();
                nanos > 0;
                nanos = Duration.between(wall.instant(), slot).toNanos()) {
            LockSupport.parkNanos(nanos);
        }
        Send mine = new Send();
        if (guarded) {
            awaitShare(mine);
        }
        mine.started = System.nanoTime();
        return mine;
    }

    private void awaitShare(Send mine) {
        Send before = null;
        synchronized (this) {
            int back = 0;
            for (Iterator<Send> newestFirst = recent.descendingIterator(); newestFirst.hasNext(); ) {
                Send send = newestFirst.next();
                if (++back == share) {
                    before = send;
                    break;
                }
            }
            recent.addLast(mine);
            if (recent.size() > perSecond) {
                recent.removeFirst();
            }
        }
        if (before != null) {
            while (before.answered == 0 && (before.started == 0 || System.nanoTime() - before.started < STUCK_NANOS)) {
                LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
            }
            long after = (before.answered != 0 ? before.answered : System.nanoTime()) + WINDOW_NANOS;
            for (long nanos = after - System.nanoTime(); nanos > 0; nanos = after - System.nanoTime()) {
                LockSupport.parkNanos(nanos);
            }
        }
    }

    /** The send's answer (or failure) came back: it has reached the provider if it ever will. */
    void answered(Send send) {
        send.answered = System.nanoTime();
    }

    /** Records a rate limit for an address; true when it makes a flood (another address refused within a second). */
    synchronized boolean refused(String address) {
        Instant now = wall.instant();
        boolean flood = lastRefused != null
                && !lastRefused.equalsIgnoreCase(address)
                && Duration.between(lastRefusedAt, now).compareTo(Duration.ofSeconds(1)) < 0;
        lastRefused = address;
        lastRefusedAt = now;
        return flood;
    }
}
