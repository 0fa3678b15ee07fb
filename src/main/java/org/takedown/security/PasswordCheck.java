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
 * time ({@code hashingShare} of one core on average): a flood of passwords, right or wrong and from any number of
 * addresses, can take no more than that from the event loops that serve banners; beyond the queue or the budget a check
 * is refused at once ({@link Result.Busy}) instead of waiting. A password verified within {@code verifiedFor} is
 * recognised again by a salted SHA-256 kept in memory, against the stored hash read on every use: a new password or a
 * removed user takes effect on the next request. An unknown user costs the same bcrypt as a known one.
 */
@ApplicationScoped
public class PasswordCheck {

    /** What a check came to. */
    public sealed interface Result {
        record Verified(String username, List<String> roles) implements Result {
        }

        record Wrong() implements Result {
        }

        /** Every hashing thread is busy and the queue is full: try again shortly. */
        record Busy() implements Result {
        }
    }

    private record Remembered(String storedHash, Instant until) {
    }

    private record Account(String passwordHash, List<String> roles) {
    }

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
    private double budgetNanos = BUDGET_CAPACITY_NANOS;
    private long budgetAt = System.nanoTime();
    private volatile String unknownUserHash;

    @PostConstruct
    void init() {
        new SecureRandom().nextBytes(salt);
        int threads = Math.max(1, config.auth().hashingThreads());
        hashing = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(Math.max(1, config.auth().hashingQueue())), runnable -> {
                    Thread thread = new Thread(runnable, "password-hashing");
                    thread.setDaemon(true);
                    thread.setPriority(Thread.MIN_PRIORITY);
                    return thread;
                });
    }

    void stop(@Observes ShutdownEvent event) {
        hashing.shutdownNow();
    }

    /** Checks the password; reads the user from the database, so call it off the event loop. */
    public CompletionStage<Result> check(String username, String password) {
        Optional<Account> account = QuarkusTransaction.requiringNew().call(() -> UserAccount.findByUsername(username)
                .map(user -> new Account(user.passwordHash, user.roleList())));
        String key = username + '\u0000' + digest(password);
        if (account.isPresent() && rememberedAs(key, account.get().passwordHash())) {
            return CompletableFuture.completedFuture(new Result.Verified(username, account.get().roles()));
        }
        if (!withinBudget()) {
            return CompletableFuture.completedFuture(new Result.Busy());
        }
        try {
            return CompletableFuture.supplyAsync(() -> {
                long started = System.nanoTime();
                try {
                    if (account.isEmpty()) {
                        BcryptUtil.matches(password, unknownUserHash()); // as long as for a known user: no user enumeration
                        return new Result.Wrong();
                    }
                    if (!BcryptUtil.matches(password, account.get().passwordHash())) {
                        return new Result.Wrong();
                    }
                    remember(key, account.get().passwordHash());
                    return new Result.Verified(username, account.get().roles());
                } finally {
                    spend(System.nanoTime() - started);
                }
            }, hashing);
        } catch (RejectedExecutionException full) {
            return CompletableFuture.completedFuture(new Result.Busy());
        }
    }

    /** Refills the budget by the share of the time since the last look; true while any is left. */
    private synchronized boolean withinBudget() {
        long now = System.nanoTime();
        budgetNanos = Math.min(BUDGET_CAPACITY_NANOS, budgetNanos + (now - budgetAt) * config.auth().hashingShare());
        budgetAt = now;
        return budgetNanos > 0;
    }

    private synchronized void spend(long nanos) {
        budgetNanos -= nanos;
    }

    private boolean rememberedAs(String key, String storedHash) {
        synchronized (verified) {
            Remembered remembered = verified.get(key);
            return remembered != null && remembered.storedHash().equals(storedHash) && remembered.until().isAfter(clock.instant());
        }
    }

    private void remember(String key, String storedHash) {
        synchronized (verified) {
            verified.put(key, new Remembered(storedHash, clock.instant().plus(config.auth().verifiedFor())));
        }
    }

    private String unknownUserHash() {
        if (unknownUserHash == null) {
            unknownUserHash = BcryptUtil.bcryptHash(HexFormat.of().formatHex(salt));
        }
        return unknownUserHash;
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
