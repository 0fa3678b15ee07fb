package org.takedown.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.takedown.common.DeterministicJson;

/**
 * A channel's send slots, held in the database so that every replica keeps to the one schedule ({@link SendPace}): each
 * message keeps the channel busy for its {@link Pace#span} (by the message rate, and by its weight), an address
 * gets a message at most every {@link Pace#addressSpacing()}, and a rate limit holds the address for exactly its wait —
 * the whole channel too when two addresses are refused within a second, which is how a global flood shows.
 * <p>
 * A claim opens a window of slots from when the channel is next free up to {@code lookahead} ahead, and spends the
 * slots of the rows it took, in the claim's transaction. Opening locks the channel's global row first, so claimers
 * take turns across replicas and their slots never overlap. Each claim also renews its dispatcher's heartbeat and
 * counts the dispatchers claiming for the channel, so that each can keep to its share of the arrivals
 * ({@link ArrivalWindow}). Slots are wall-clock instants, not the application clock: they are about real requests.
 */
@ApplicationScoped
public class SendSchedule {

    /** A dispatcher that has not claimed for this long no longer counts towards the shares. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);

    private static final Instant LONG_AGO = Instant.parse("2000-01-01T00:00:00Z");

    /**
     * Send slots from {@code first} up to {@code until}, each message taking its {@link Pace#span}; none (a null
     * {@code first}) means wait {@code waitFor}.
     */
    public record Window(Instant first, Instant until, Duration waitFor, int dispatchers) {

        boolean open() {
            return first != null;
        }
    }

    @Inject
    EntityManager em;

    private final Clock wall = Clock.systemUTC();

    /**
     * Locks the channel's global row and opens up to {@code lookahead} of send time. None while the next slot is more than
     * half the lookahead away: a claim then waits, so that each claim fills half the lookahead instead of handing out
     * one slot at a time. Call in the claim's transaction.
     */
    public Window open(String channel, Pace pace, String node, Duration lookahead) {
        SendPace global = globalRow(channel);
        Instant now = wall.instant();
        int dispatchers = heartbeat(channel, node, now);
        Instant first = global.readyAt.isBefore(now) ? now : global.readyAt;
        Instant claimFrom = now.plus(lookahead.dividedBy(2));
        if (first.isAfter(claimFrom)) {
            return new Window(null, null, Duration.between(claimFrom, first), dispatchers);
        }
        return new Window(first, now.plus(lookahead), Duration.ZERO, dispatchers);
    }

    public Instant now() {
        return wall.instant();
    }

    /** A row given a place in a window: its address, and the instant its send starts. */
    public record Spent(String address, Instant sendAt) {}

    /**
     * Spends the window up to {@code freeAt}: the channel is next free then, and each address a spacing after its own
     * send. Call in the transaction that opened the window.
     */
    public void spend(String channel, Pace pace, Instant freeAt, List<Spent> rows) {
        SendPace global = em.find(SendPace.class, SendPace.global(channel));
        global.readyAt = freeAt;
        if (pace.addressSpacing().isZero()) {
            return; // no address waits for its own last send (SMS: one row per victim would be written for nothing)
        }
        for (Spent row : rows) {
            holdUntil(SendPace.address(channel, row.address()), row.sendAt().plus(pace.addressSpacing()));
        }
    }

    /**
     * The provider asked to wait: nothing more to this address (and, when {@code everyone} or when another address was
     * refused within the last second, from the channel at all) for {@code retryAfter}. Takes the rows in the claimer's
     * order (global, then address), so the two can never deadlock.
     */
    public void refused(String channel, String address, Duration retryAfter, boolean flood) {
        Instant until = wall.instant().plus(retryAfter);
        if (flood) {
            SendPace global = globalRow(channel);
            if (global.readyAt.isBefore(until)) {
                global.readyAt = until;
            }
        }
        holdUntil(SendPace.address(channel, address), until);
    }

    /** Whether an address is held back now (by its spacing or a rate limit). */
    public boolean addressReady(String channel, String address) {
        SendPace pace = em.find(SendPace.class, SendPace.address(channel, address));
        return pace == null || !pace.readyAt.isAfter(wall.instant());
    }

    /** Forgets addresses that have been free to receive for a day. */
    public int prune() {
        return em.createQuery("delete from SendPace p where p.key not like '%:global' and p.readyAt < :before")
                .setParameter("before", wall.instant().minus(Duration.ofDays(1)))
                .executeUpdate();
    }

    /** Takes the channel's global row, the lock every claim takes first; in the caller's transaction. */
    void lockChannel(String channel) {
        globalRow(channel);
    }

    private SendPace globalRow(String channel) {
        SendPace global = em.find(SendPace.class, SendPace.global(channel), LockModeType.PESSIMISTIC_WRITE);
        if (global == null) {
            throw new IllegalStateException(
                    "No pacing row for channel " + channel + ": the dispatcher creates it at start");
        }
        return global;
    }

    boolean exists(String channel) {
        return em.find(SendPace.class, SendPace.global(channel)) != null;
    }

    /** Creates the channel's global row if it has none (a new channel); in the caller's transaction. */
    public void ensure(String channel) {
        if (em.find(SendPace.class, SendPace.global(channel)) == null) {
            SendPace global = new SendPace();
            global.key = SendPace.global(channel);
            global.readyAt = LONG_AGO;
            em.persist(global);
        }
    }

    /** Renews this dispatcher's heartbeat and returns how many dispatchers claim for the channel. */
    private int heartbeat(String channel, String node, Instant now) {
        // Node names (pid@host) can outgrow the key column: the row is named by a digest of it.
        String prefix = SendPace.dispatcher(channel, "");
        holdUntil(prefix + DeterministicJson.sha256Hex(node).substring(0, 32), now.plus(HEARTBEAT));
        Long dispatchers = em.createQuery(
                        "select count(p) from SendPace p where p.key like :prefix and p.readyAt > :now", Long.class)
                .setParameter("prefix", prefix + "%")
                .setParameter("now", now)
                .getSingleResult();
        return (int) Math.max(1, dispatchers);
    }

    /** Moves the row's instant on to {@code until} (never back). */
    private void holdUntil(String key, Instant until) {
        SendPace pace = em.find(SendPace.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (pace == null) {
            pace = new SendPace();
            pace.key = key;
            pace.readyAt = until;
            em.persist(pace);
        } else if (pace.readyAt.isBefore(until)) {
            pace.readyAt = until;
        }
    }
}
