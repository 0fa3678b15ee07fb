package org.takedown.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.jboss.logging.Logger;
import org.takedown.logging.LogValueEscaping;

/**
 * Console sign-in with an embedded user's password (checked by the same identity provider as the API's HTTP Basic)
 * and sign-out. Both are audited (by {@link ConsoleSessions}); a failed attempt is logged, not audited (it names no
 * officer for certain).
 */
@ApplicationScoped
public class ConsoleLogin {

    private static final Logger LOG = Logger.getLogger(ConsoleLogin.class);
    private static final int MAX_FIELD = 256;

    @Inject
    IdentityProviderManager identities;
    @Inject
    ConsoleSessions sessions;
    @Inject
    LoginThrottle throttle;

    /** What a sign-in came to. */
    public sealed interface Outcome {
        record SignedIn(ConsoleSessions.Opened session) implements Outcome {
        }

        record Refused() implements Outcome {
        }

        /** Too many recent failures for this user name or from this address: not even checked. */
        record Throttled(Duration retryAfter) implements Outcome {
        }
    }

    /** A new session for these credentials; the same refusal for a wrong password and an unknown user. */
    public Outcome login(String username, String password, String address) {
        if (username == null || password == null || username.isBlank() || username.length() > MAX_FIELD || password.length() > MAX_FIELD) {
            return new Outcome.Refused();
        }
        Duration wait = throttle.wait(username.strip(), address);
        if (!wait.isZero()) {
            LOG.warnf("Console sign-in throttled for '%s' from %s", LogValueEscaping.escape(username), address);
            return new Outcome.Throttled(wait);
        }
        SecurityIdentity identity;
        try {
            identity = identities.authenticateBlocking(new UsernamePasswordAuthenticationRequest(username.strip(),
                    new io.quarkus.security.credential.PasswordCredential(password.toCharArray())));
        } catch (AuthenticationFailedException wrong) {
            LOG.warnf("Console sign-in refused for '%s' from %s", LogValueEscaping.escape(username), address);
            throttle.failed(username.strip(), address);
            return new Outcome.Refused();
        }
        throttle.succeeded(username.strip());
        return new Outcome.SignedIn(sessions.open(identity.getPrincipal().getName()));
    }

    public void logout(SecurityIdentity identity) {
        String token = identity.getAttribute(ConsoleSessionIdentityProvider.SESSION_TOKEN);
        if (token != null) {
            sessions.close(token);
        }
    }
}
