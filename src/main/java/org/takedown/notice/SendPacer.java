package org.takedown.notice;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Telegram's limits as rows every replica shares ({@link SendPace}): the whole bot sends at most
 * {@code globalPerSecond × headroom} messages per second, one chat gets a message at most every
 * {@code max(1 / chatPerSecond, 60 / groupPerMinute)} seconds (3 s with Telegram's 1/s and 20/min), and a 429 holds
 * the chat for exactly its {@code retry_after} — the whole bot too when two chats are refused within a second, which
 * is how a global flood shows. Claiming locks the global row first, so claimers take turns across replicas.
 * Pacing is by wall-clock time, not the application clock: it is about real requests to a real server.
 */
@ApplicationScoped
public class SendPacer {

    @Inject
    TelegramConfig config;
    @Inject
    EntityManager em;

    private final Clock wall = Clock.systemUTC();
    private Duration globalSpacing;
    private Duration chatSpacing;
    private Duration lateness;
    private String lastRefusedChat;
    private Instant lastRefusedAt = Instant.EPOCH;

    @PostConstruct
    void init() {
        TelegramConfig.Pace pace = config.pace();
        globalSpacing = Duration.ofNanos(Math.round(1e9 / (pace.globalPerSecond() * pace.headroom())));
        // 31 messages must span more than a second even when the first was sent late: half the headroom's slack
        // goes to catching up a late claim, half is left for network jitter.
        double slackNanos = globalSpacing.toNanos() * pace.globalPerSecond() - 1e9;
        lateness = Duration.ofNanos(Math.max(0, Math.round(slackNanos / 2)));
        chatSpacing = Duration.ofNanos(Math.max(Math.round(1e9 / pace.chatPerSecond()), Math.round(60e9 / pace.groupPerMinute())));
    }

    /** Locks the global row; how long until the bot may send again, if it may not now. */
    Optional<Duration> globalWait() {
        SendPace global = em.find(SendPace.class, SendPace.GLOBAL, LockModeType.PESSIMISTIC_WRITE);
        Instant now = wall.instant();
        return global.readyAt.isAfter(now) ? Optional.of(Duration.between(now, global.readyAt)) : Optional.empty();
    }

    Instant now() {
        return wall.instant();
    }

    /** Spends one message: the next one waits a global spacing, and the next to this chat a chat spacing. */
    void spend(String chat) {
        Instant now = wall.instant();
        SendPace global = em.find(SendPace.class, SendPace.GLOBAL);
        // A claim that comes a little after the bot became ready (the claim itself takes time) keeps the schedule:
        // spacing is counted from when the slot opened, so the rate stays at the limit instead of limit + overhead.
        // Only a little: catching up more would squeeze a 31st message into some one-second window.
        Instant opened = Duration.between(global.readyAt, now).compareTo(lateness) <= 0 ? global.readyAt : now;
        global.readyAt = opened.plus(globalSpacing);
        holdChat(chat, now.plus(chatSpacing));
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

    /** Forgets chats that have been free to receive for a day. */
    int prune() {
        return em.createQuery("delete from SendPace p where p.key <> :global and p.readyAt < :before")
                .setParameter("global", SendPace.GLOBAL).setParameter("before", wall.instant().minus(Duration.ofDays(1)))
                .executeUpdate();
    }

    private void holdChat(String chat, Instant until) {
        String key = SendPace.chatKey(chat);
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
