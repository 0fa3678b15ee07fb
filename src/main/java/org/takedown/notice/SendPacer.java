package org.takedown.notice;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.takedown.common.CanonicalJson;

/**
 * Telegram's limits as rows every replica shares ({@link SendPace}): the whole bot sends at most
 * {@code globalPerSecond × headroom} messages per second, one chat gets a message at most every
 * {@code max(1 / chatPerSecond, 60 / groupPerMinute)} seconds (3 s with Telegram's 1/s and 20/min), and a 429 holds
 * the chat for exactly its {@code retry_after} — the whole bot too when two chats are refused within a second, which
 * is how a global flood shows.
 * <p>
 * A claim hands out send slots: exact moments, one global spacing apart, up to {@code lookahead} ahead. The sender
 * waits for its slot, so the rate does not depend on how long a claim transaction takes, as long as claims keep a
 * little ahead. Claiming locks the global row first, so claimers take turns across replicas and their slots never
 * overlap.
 * <p>
 * Slots are when requests leave; Telegram counts when they arrive, and a request delayed on the way (a pause of
 * either process, a slow network) arrives nearer the ones after it. So each replica also remembers its last
 * {@code globalPerSecond} sends and starts a send only a second after the send that many before it was answered —
 * by then it had certainly arrived. On a link with a round trip of r this caps the bot at
 * {@code globalPerSecond / (1 s + r)}; on loopback, or near Telegram, the slots decide.
 * <p>
 * Several replicas cannot see each other's answers, so each keeps to its share: every claim renews the replica's
 * heartbeat row and counts the dispatchers claiming in the last few seconds, and a replica then lets at most
 * {@code globalPerSecond / dispatchers} of its own sends into any second. The shares add up to the limit whatever the
 * jitter (two dispatchers sharing one run drew 429s from the fake Bot API before this). Pacing is by wall-clock time,
 * not the application clock: it is about real requests to a real server.
 */
@ApplicationScoped
public class SendPacer {

    /** The send moments one claim may hand out: {@code count} slots from {@code first}; none means wait {@code waitFor}. */
    record Slots(Instant first, Duration spacing, int count, Duration waitFor) {

        Instant at(int index) {
            return first.plus(spacing.multipliedBy(index));
        }
    }

    /** Telegram's one-second window, and a margin for clocks that count in whole milliseconds. */
    private static final long WINDOW_NANOS = Duration.ofMillis(1005).toNanos();
    /** A dispatcher that has not claimed for this long no longer counts towards the shares. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);
    private static final String DISPATCHER = "dispatcher:";
    /** A request unanswered for this long is no longer waited for: it is stuck, not on its way. */
    private static final long STUCK_NANOS = Duration.ofSeconds(2).toNanos();

    /** One send of this replica: when it left and when it was answered (System.nanoTime; 0 until then). */
    static final class Send {
        private volatile long started;
        private volatile long answered;
    }

    @Inject
    TelegramConfig config;
    @Inject
    EntityManager em;

    private final Clock wall = Clock.systemUTC();
    private Duration globalSpacing;
    private Duration chatSpacing;
    private Duration lookahead;
    /** This replica's last {@code globalPerSecond} sends, oldest first. */
    private final Deque<Send> recent = new ArrayDeque<>();
    private int perSecond;
    /** How many of this replica's sends may arrive within one second: its share of the global limit. */
    private volatile int share;
    private String lastRefusedChat;
    private Instant lastRefusedAt = Instant.EPOCH;

    @PostConstruct
    void init() {
        TelegramConfig.Pace pace = config.pace();
        globalSpacing = Duration.ofNanos(Math.round(1e9 / (pace.globalPerSecond() * pace.headroom())));
        chatSpacing = Duration.ofNanos(Math.max(Math.round(1e9 / pace.chatPerSecond()), Math.round(60e9 / pace.groupPerMinute())));
        lookahead = config.dispatch().lookahead();
        perSecond = Math.max(1, (int) Math.floor(pace.globalPerSecond()));
        share = perSecond;
    }

    /**
     * Locks the global row and opens up to {@code wanted} slots, the first when the bot is next free and the last
     * within the lookahead. None while the next slot is more than half the lookahead away: a claim then waits, so
     * that each claim fills half the lookahead instead of handing out one slot at a time.
     */
    Slots open(String node, int wanted) {
        SendPace global = em.find(SendPace.class, SendPace.GLOBAL, LockModeType.PESSIMISTIC_WRITE);
        Instant now = wall.instant();
        share = Math.max(1, perSecond / heartbeat(node, now));
        Instant first = global.readyAt.isBefore(now) ? now : global.readyAt;
        Instant claimFrom = now.plus(lookahead.dividedBy(2));
        if (first.isAfter(claimFrom)) {
            return new Slots(first, globalSpacing, 0, Duration.between(claimFrom, first));
        }
        long fit = 1 + Duration.between(first, now.plus(lookahead)).toNanos() / globalSpacing.toNanos();
        return new Slots(first, globalSpacing, (int) Math.min(wanted, fit), Duration.ZERO);
    }

    Instant now() {
        return wall.instant();
    }

    /**
     * Spends the first {@code chats.size()} slots, in order: the bot is next free after the last, and each chat a
     * chat spacing after its own slot. Call in the transaction that opened the slots.
     */
    void spend(Slots slots, List<String> chats) {
        SendPace global = em.find(SendPace.class, SendPace.GLOBAL);
        global.readyAt = slots.at(chats.size());
        for (int i = 0; i < chats.size(); i++) {
            holdChat(chats.get(i), slots.at(i).plus(chatSpacing));
        }
    }

    /**
     * Waits, without a transaction, for the moment a slot opens and for this replica's own one-second window; the
     * caller sends at once and then reports {@link #answered}.
     */
    Send awaitSlot(Instant slot) {
        for (long nanos = Duration.between(wall.instant(), slot).toNanos(); nanos > 0;
                nanos = Duration.between(wall.instant(), slot).toNanos()) {
            LockSupport.parkNanos(nanos);
        }
        Send mine = new Send();
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
        mine.started = System.nanoTime();
        return mine;
    }

    /** The send's answer (or failure) came back: it has reached Telegram if it ever will. */
    void answered(Send send) {
        send.answered = System.nanoTime();
    }

    /** Telegram said 429: nothing more to this chat (and, in a flood, from this bot) for {@code retryAfter}. */
    void refused(String chat, Duration retryAfter) {
        Instant now = wall.instant();
        Instant until = now.plus(retryAfter);
        boolean flood;
        synchronized (this) {
            flood = lastRefusedChat != null && !lastRefusedChat.equalsIgnoreCase(chat)
                    && Duration.between(lastRefusedAt, now).compareTo(Duration.ofSeconds(1)) < 0;
            lastRefusedChat = chat;
            lastRefusedAt = now;
        }
        if (flood) {
            SendPace global = em.find(SendPace.class, SendPace.GLOBAL, LockModeType.PESSIMISTIC_WRITE);
            if (global.readyAt.isBefore(until)) {
                global.readyAt = until;
            }
        }
        holdChat(chat, until);
    }

    /** Renews this replica's heartbeat (in the claim's transaction) and returns how many dispatchers are claiming. */
    private int heartbeat(String node, Instant now) {
        // Node names (pid@host) can outgrow the key column: the row is named by a digest of it.
        holdUntil(DISPATCHER + CanonicalJson.sha256Hex(node).substring(0, 32), now.plus(HEARTBEAT));
        Long dispatchers = em.createQuery("select count(p) from SendPace p where p.key like :prefix and p.readyAt > :now", Long.class)
                .setParameter("prefix", DISPATCHER + "%").setParameter("now", now).getSingleResult();
        return (int) Math.max(1, dispatchers);
    }

    /** Forgets chats that have been free to receive for a day. */
    int prune() {
        return em.createQuery("delete from SendPace p where p.key <> :global and p.readyAt < :before")
                .setParameter("global", SendPace.GLOBAL).setParameter("before", wall.instant().minus(Duration.ofDays(1)))
                .executeUpdate();
    }

    private void holdChat(String chat, Instant until) {
        holdUntil(SendPace.chatKey(chat), until);
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
