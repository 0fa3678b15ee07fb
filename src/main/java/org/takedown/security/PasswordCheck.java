package org.takedown.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Checks an embedded user's password, for the API's Basic credentials and the console's sign-in. bcrypt is slow on
 * purpose, so it runs on a small pool of its own ({@code hashingThreads}) with a bounded queue, within a budget of CPU
 * time per door ({@code hashingShare} of one core on average for the API, as much for the console): a flood of passwords, right or wrong and from any number of
 * addresses, can take no more than that from the event loops that serve banners; beyond the queue or the budget a check
 * is refused at once ({@link Result.Busy}) instead of waiting. A password verified within {@code verifiedFor} is
 * recognised again by a salted SHA-256 kept in memory, against the stored hash read on every use: a new password or a
 * removed user takes effect on the next request. An unknown user costs the same bcrypt as a known one.
 */
@ApplicationScoped
public class PasswordCheck {

    /** What a check came to. */
    public sealed interface Result {
        record Verified(String username, List<String> roles) implements Result {}

        record Wrong() implements Result {}

        /** Every hashing thread is busy and the queue is full: try again shortly. */
        record Busy() implements Result {}
    }

    private record Remembered(String storedHash, Instant until) {}

    private record Account(String passwordHash, List<String> roles) {}

    private static final int REMEMBERED = 1_000;
    /** The budget holds at most a second of hashing, so a few sign-ins in a row never wait. */
    private static final double BUDGET_CAPACITY_NANOS = 1e9;

    @Inject
    SecurityConfig config;

    @Inject
    Clock clock;

    private final byte[] salt = new byte[32];
    private final Map<String, Remembered> verified = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
            return size() > REMEMBERED;
        }
    };
    private ThreadPoolExecutor hashing;
    /** One budget per door, so a flood at the API cannot stop officers signing in to the console, nor the reverse. */
    private final java.util.Map<Door, double[]> budgets = new java.util.EnumMap<>(Door.class);

    /** Where a password comes from. */
    public enum Door {
        API,
        CONSOLE
    }

    private volatile String unknownUserHash;
    private volatile Instant unknownUserHashUntil = Instant.EPOCH;
    /** BcryptUtil's default cost, that of users created through the API. */
    private static final int DEFAULT_COST = 10;

    @PostConstruct
    void init() {
        new SecureRandom().nextBytes(salt);
        int threads = Math.max(1, config.auth().hashingThreads());
        hashing = new ThreadPoolExecutor(
                threads,
                threads,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(Math.max(1, config.auth().hashingQueue())),
                runnable -> {
                    Thread thread = new Thread(runnable, "password-hashing");
                    thread.setDaemon(true);
                    thread.setPriority(Thread.MIN_PRIORITY);
                    return thread;
                });
    }

    void stop(@Observes ShutdownEvent event) {
        hashing.shutdown(); // the checks already queued finish (one hash each): no caller waits forever
    }

    /** Checks the password; reads the user from the database, so call it off the event loop. */
    public CompletionStage<Result> check(Door door, String username, String password) {
        String key = username + '\u0000' + digest(password);
        boolean remembered = remembered(key);
        if (!remembered && !withinBudget(door)) {
            // Refused before reading the user: a flood of guesses past the budget costs no database work either.
            return CompletableFuture.completedFuture(new Result.Busy());
        }
        Optional<Account> account = QuarkusTransaction.requiringNew()
                .call(() -> UserAccount.findByUsername(username)
                        .map(user -> new Account(user.passwordHash, user.roleList())));
        if (remembered && account.isPresent() && rememberedAs(key, account.get().passwordHash())) {
            return CompletableFuture.completedFuture(
                    new Result.Verified(username, account.get().roles()));
        }
        if (!withinBudget(door)) {
            return CompletableFuture.completedFuture(new Result.Busy());
        }
        try {
            return CompletableFuture.supplyAsync(
                    () -> {
                        long started = System.nanoTime();
                        try {
                            if (account.isEmpty()) {
                                BcryptUtil.matches(
                                        password,
                                        unknownUserHash()); // as long as for a known user: no user enumeration
                                return new Result.Wrong();
                            }
                            if (!BcryptUtil.matches(password, account.get().passwordHash())) {
                                return new Result.Wrong();
                            }
                            remember(key, account.get().passwordHash());
                            return new Result.Verified(username, account.get().roles());
                        } finally {
                            spend(door, System.nanoTime() - started);
                        }
                    },
                    hashing);
        } catch (RejectedExecutionException full) {
            return CompletableFuture.completedFuture(new Result.Busy());
        }
    }

    /** Refills the door's budget by its share of the time since the last look; true while any is left. */
    private synchronized boolean withinBudget(Door door) {
        long now = System.nanoTime();
        double[] budget = budgets.computeIfAbsent(door, d -> new double[] {BUDGET_CAPACITY_NANOS, now});
        budget[0] = Math.min(
                BUDGET_CAPACITY_NANOS,
                budget[0] + (now - budget[1]) * config.auth().hashingShare());
        budget[1] = now;
        return budget[0] > 0;
    }

    private synchronized void spend(Door door, long nanos) {
        budgets.get(door)[0] -= nanos;
    }

    /** Whether a password was verified under this key lately (its stored hash is compared before it counts). */
    private boolean remembered(String key) {
        synchronized (verified) {
            return verified.containsKey(key);
        }
    }

    private boolean rememberedAs(String key, String storedHash) {
        synchronized (verified) {
            Remembered remembered = verified.get(key);
            return remembered != null
                    && remembered.storedHash().equals(storedHash)
                    && remembered.until().isAfter(clock.instant());
        }
    }

    private void remember(String key, String storedHash) {
        synchronized (verified) {
            verified.put(
                    key,
                    new Remembered(
                            storedHash, clock.instant().plus(config.auth().verifiedFor())));
        }
    }

    /**
     * A hash of the same cost as the users' own (the highest found, looked at again every ten minutes): refusing an
     * unknown name then takes as long as refusing a known one.
     */
    private String unknownUserHash() {
        Instant now = clock.instant();
        if (unknownUserHash == null || unknownUserHashUntil.isBefore(now)) {
            int cost = QuarkusTransaction.requiringNew()
                    .call(() -> UserAccount.getEntityManager()
                            .createQuery("select u.passwordHash from UserAccount u", String.class)
                            .getResultStream()
                            .map(PasswordCheck::costOf)
                            .max(Integer::compare)
                            .orElse(DEFAULT_COST));
            if (unknownUserHash == null || costOf(unknownUserHash) != cost) {
                unknownUserHash = BcryptUtil.bcryptHash(HexFormat.of().formatHex(salt), cost);
            }
            unknownUserHashUntil = now.plus(java.time.Duration.ofMinutes(10));
        }
        return unknownUserHash;
    }

    /** The cost of a bcrypt hash in Modular Crypt Format ({@code $2a$12$...}); the default when it is not one. */
    static int costOf(String hash) {
        try {
            return hash != null && hash.length() > 7 && hash.startsWith("$2")
                    ? Integer.parseInt(hash.substring(4, 6))
                    : DEFAULT_COST;
        } catch (NumberFormatException e) {
            return DEFAULT_COST;
        }
    }

    private String digest(String password) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            return HexFormat.of().formatHex(sha256.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
