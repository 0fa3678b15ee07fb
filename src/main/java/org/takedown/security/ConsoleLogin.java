package org.takedown.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.jboss.logging.Logger;
import org.takedown.logging.LogValueEscaping;

/**
 * Console sign-in with an embedded user's password (throttled and checked as the API's HTTP Basic is: {@link AuthThrottle},
 * {@link PasswordCheck}) and sign-out. Both are audited (by {@link ConsoleSessions}); a failed attempt is logged, not
 * audited (it names no officer for certain), and a throttle entered is audited.
 */
@ApplicationScoped
public class ConsoleLogin {

    private static final Logger LOG = Logger.getLogger(ConsoleLogin.class);
    private static final int MAX_FIELD = 256;

    @Inject
    PasswordCheck passwords;

    @Inject
    ConsoleSessions sessions;

    @Inject
    AuthThrottle throttle;

    /** What a sign-in came to. */
    public sealed interface Outcome {
        record SignedIn(ConsoleSessions.Opened session) implements Outcome {}

        record Refused() implements Outcome {}

        /** Too many recent failures for this user name or from this address: not even checked. */
        record Throttled(Duration retryAfter) implements Outcome {}

        /** Every password-hashing thread is busy: try again shortly. */
        record Busy() implements Outcome {}
    }

    /** A new session for these credentials; the same refusal for a wrong password and an unknown user. */
    public Outcome login(String username, String password, String address) {
        if (username == null
                || password == null
                || username.isBlank()
                || username.length() > MAX_FIELD
                || password.length() > MAX_FIELD) {
            return new Outcome.Refused();
        }
        String name = username.strip();
        Duration wait = throttle.wait(name, address);
        if (!wait.isZero()) {
            LOG.warnf("Console sign-in throttled for '%s' from %s", LogValueEscaping.escape(username), address);
            return new Outcome.Throttled(wait);
        }
        PasswordCheck.Result result = passwords
                .check(PasswordCheck.Door.CONSOLE, name, password)
                .toCompletableFuture()
                .join();
        if (result instanceof PasswordCheck.Result.Busy) {
            return new Outcome.Busy();
        }
        if (!(result instanceof PasswordCheck.Result.Verified verified)) {
            LOG.warnf("Console sign-in refused for '%s' from %s", LogValueEscaping.escape(username), address);
            throttle.failed(name, address);
            return new Outcome.Refused();
        }
        throttle.succeeded(name, address);
        return new Outcome.SignedIn(sessions.open(verified.username()));
    }

    public void logout(SecurityIdentity identity) {
        String token = identity.getAttribute(ConsoleSessionIdentityProvider.SESSION_TOKEN);
        if (token != null) {
            sessions.close(token);
        }
    }
}
